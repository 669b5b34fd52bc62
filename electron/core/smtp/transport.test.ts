import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DSN, type DsnRequest, type OutboxItem } from '../../../shared/model';
import { smtpError, startTestSmtpServer, waitFor, type TestSmtpServer, type TestSmtpServerOptions } from '../../../testing/harness/smtp-test-server';
import { renderMime } from './mime';
import { sendMessage, type SendOutcome, type SendRequest } from './transport';
import type { TranscriptLine } from './transcript-logger';
import { makeItem, tempAttachmentStore } from '../../../testing/harness/fixtures';

type Line = TranscriptLine & { connectionId: string };

const servers: TestSmtpServer[] = [];
const netServers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(netServers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

async function smtp(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer(options);
  servers.push(server);
  return server;
}

const MESSAGE_ID = '<0123456789abcdef.test@example.com>';

function item(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return makeItem({ messageId: MESSAGE_ID, ...overrides });
}

interface Harness {
  lines: Line[];
  produced: () => Buffer;
  request: SendRequest;
  controller: AbortController;
  beforeFinalDotCalls: number;
}

/** A send request against the test server; the MIME handed to the transport is captured byte for byte. */
function harness(port: number, overrides: Partial<SendRequest> & { mime?: OutboxItem } = {}): Harness {
  const lines: Line[] = [];
  const produced: Buffer[] = [];
  const controller = new AbortController();
  const h: Harness = {
    lines,
    produced: () => Buffer.concat(produced),
    controller,
    beforeFinalDotCalls: 0,
    request: {
      endpoint: { host: '127.0.0.1', port, security: 'none' },
      from: 'ann@example.com',
      to: ['bob@example.com'],
      dsn: DEFAULT_DSN,
      envid: 'om-envelope-1',
      message: () => {
        const tap = new PassThrough();
        tap.on('data', (chunk: Buffer) => produced.push(chunk));
        return renderMime(overrides.mime ?? item(), tempAttachmentStore()).pipe(tap);
      },
      beforeFinalDot: async () => {
        h.beforeFinalDotCalls++;
      },
      signal: controller.signal,
      onLine: (line) => lines.push(line),
      timeouts: { connect: 1000, greeting: 1000, socket: 2000 },
      ...overrides,
    },
  };
  return h;
}

function expectSent(outcome: SendOutcome): Extract<SendOutcome, { kind: 'sent' }> {
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
  return outcome;
}

function expectFailed(outcome: SendOutcome): Extract<SendOutcome, { kind: 'failed' }> {
  if (outcome.kind !== 'failed') throw new Error(`expected failed, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The client commands as they went over the wire. */
const commandsOnWire = (server: TestSmtpServer) =>
  server
    .wire()
    .split('\r\n')
    .filter((l) => /^(EHLO|HELO|MAIL|RCPT|DATA|QUIT|RSET)\b/.test(l));

describe('sendMessage with DSN advertised', () => {
  it('puts RET and ENVID on MAIL FROM and NOTIFY on every RCPT TO, with no warning', async () => {
    const server = await smtp({ hideDSN: false });
    const h = harness(server.port, {
      to: ['bob@example.com', 'carol@example.com'],
      dsn: { notify: { success: true, failure: true, delay: true }, ret: 'full' },
      envid: 'om-0123456789abcdef',
    });
    const outcome = expectSent(await sendMessage(h.request));

    expect(outcome.warnings).toEqual([]);
    expect(outcome.capabilities.dsn).toBe(true);
    expect(server.mailFroms).toHaveLength(1);
    expect(server.mailFroms[0]?.address).toBe('ann@example.com');
    expect(server.mailFroms[0]?.args).toMatchObject({ RET: 'FULL', ENVID: 'om-0123456789abcdef' });
    expect(server.rcptTos.map((r) => r.address)).toEqual(['bob@example.com', 'carol@example.com']);
    for (const rcpt of server.rcptTos) expect(rcpt.args).toMatchObject({ NOTIFY: 'SUCCESS,FAILURE,DELAY' });
    expect(outcome.recipients).toEqual([
      { address: 'bob@example.com', accepted: true },
      { address: 'carol@example.com', accepted: true },
    ]);
    expect(outcome.reply.code).toBe(250);
  });

  it('sends RET=HDRS and NOTIFY=NEVER when no notification is wanted', async () => {
    const server = await smtp({ hideDSN: false });
    const dsn: DsnRequest = { notify: { success: false, failure: false, delay: false }, ret: 'headers' };
    const h = harness(server.port, { dsn });
    expectSent(await sendMessage(h.request));
    expect(server.mailFroms[0]?.args).toMatchObject({ RET: 'HDRS', ENVID: 'om-envelope-1' });
    expect(server.rcptTos[0]?.args).toMatchObject({ NOTIFY: 'NEVER' });
  });

  it('asks only for the notifications chosen', async () => {
    const server = await smtp({ hideDSN: false });
    const h = harness(server.port, { dsn: { notify: { success: false, failure: true, delay: false }, ret: 'headers' } });
    expectSent(await sendMessage(h.request));
    expect(server.rcptTos[0]?.args).toMatchObject({ NOTIFY: 'FAILURE' });
  });
});

describe('sendMessage without DSN (smtp-server default)', () => {
  it('sends no DSN parameter at all and succeeds with the NO_DSN_SUPPORT warning', async () => {
    const server = await smtp();
    const h = harness(server.port);
    const outcome = expectSent(await sendMessage(h.request));

    expect(outcome.warnings).toEqual(['NO_DSN_SUPPORT']);
    expect(outcome.capabilities.dsn).toBe(false);
    expect(server.messages).toHaveLength(1);
    const args = { ...(server.mailFroms[0]?.args || {}), ...(server.rcptTos[0]?.args || {}) };
    expect(args).not.toHaveProperty('RET');
    expect(args).not.toHaveProperty('ENVID');
    expect(args).not.toHaveProperty('NOTIFY');
    expect(server.wire()).not.toMatch(/RET=|ENVID=|NOTIFY=|ORCPT=/);
  });
});

describe('what reaches the server', () => {
  it('is exactly the MIME produced, Message-ID included, with leading dots stuffed on the wire only', async () => {
    const server = await smtp({ hideDSN: false });
    const text = 'first line\n.\n..two dots\n.leading dot\nlast line\n';
    const h = harness(server.port, { mime: item({ text }) });
    expectSent(await sendMessage(h.request));

    expect(server.messages).toHaveLength(1);
    const received = server.messages[0]!.data.toString('latin1');
    const produced = h.produced().toString('latin1');
    expect(produced.length).toBeGreaterThan(0);
    // SMTP lines end in CRLF: the text body's bare LFs are converted on the way, nothing else changes.
    expect(produced).toContain('\n.\n..two dots\n');
    expect(received.replace(/\r\n$/, '')).toBe(produced.replace(/\r?\n/g, '\r\n').replace(/\r\n$/, ''));
    expect(received).toMatch(new RegExp(`^Message-ID: ${MESSAGE_ID.replace(/[.]/g, '\\.')}\\r$`, 'm'));
    expect(received).toContain('\r\n.\r\n..two dots\r\n.leading dot\r\n');

    // On the wire every line that starts with a dot carries one more.
    const wire = server.wire();
    expect(wire).toContain('\r\n..\r\n...two dots\r\n..leading dot\r\n');
    expect(wire).toMatch(/\r\n\.\r\n(QUIT\r\n)?$/);
  });
});

describe('transcript', () => {
  it('streams the greeting, EHLO with its multi-line reply as one entry, DATA and the final 250, all on one connection id', async () => {
    const server = await smtp({ hideDSN: false, size: 1_000_000 });
    const h = harness(server.port);
    expectSent(await sendMessage(h.request));
    await waitFor(() => h.lines.some((l) => l.command === 'QUIT'), 15_000, 'QUIT');

    const serverLines = h.lines.filter((l) => l.direction === 'server');
    expect(serverLines[0]?.code).toBe(220);
    expect(serverLines[0]?.text).toMatch(/^220 /);

    const ehloAt = h.lines.findIndex((l) => l.direction === 'client' && l.command === 'EHLO');
    expect(ehloAt).toBeGreaterThanOrEqual(0);
    const ehloReply = h.lines.slice(ehloAt + 1).find((l) => l.direction === 'server')!;
    expect(ehloReply.code).toBe(250);
    // One entry holds every line of the reply.
    expect(ehloReply.text.split('\n').length).toBeGreaterThan(3);
    expect(ehloReply.text).toMatch(/DSN/);
    expect(ehloReply.text).toMatch(/SIZE 1000000/);
    expect(serverLines.filter((l) => /PIPELINING/.test(l.text))).toHaveLength(1);

    const clientCommands = h.lines.filter((l) => l.direction === 'client').map((l) => l.command);
    expect(clientCommands).toEqual(expect.arrayContaining(['EHLO', 'MAIL', 'RCPT', 'DATA']));
    const dataAt = h.lines.findIndex((l) => l.direction === 'client' && l.command === 'DATA');
    // With PIPELINING the MAIL and RCPT replies may follow the DATA line; then come 354 and the final 250.
    const after = h.lines.slice(dataAt + 1).filter((l) => l.direction === 'server').map((l) => l.code);
    expect(after).toContain(354);
    expect(after.slice(after.indexOf(354) + 1)).toContain(250);

    const ids = new Set(h.lines.map((l) => l.connectionId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{8}$/);
  });

  it('gives each send its own connection id', async () => {
    const server = await smtp();
    const a = harness(server.port);
    const b = harness(server.port);
    await Promise.all([sendMessage(a.request), sendMessage(b.request)]);
    expect(a.lines[0]?.connectionId).not.toBe(b.lines[0]?.connectionId);
  });

  it('reports what the EHLO reply advertised', async () => {
    const server = await smtp({ hideDSN: false, size: 12345, hideSMTPUTF8: true });
    const outcome = expectSent(await sendMessage(harness(server.port).request));
    expect(outcome.capabilities).toMatchObject({ dsn: true, size: 12345, smtputf8: false, pipelining: true, eightBitMime: true });
  });
});

describe('beforeFinalDot', () => {
  it('runs exactly once, after the body and before the final dot, and the server waits for it', async () => {
    const order: string[] = [];
    const server = await smtp({ hideDSN: false });
    let messagesDuringHook = -1;
    const h = harness(server.port, {
      beforeFinalDot: async () => {
        order.push('beforeFinalDot');
        h.beforeFinalDotCalls++;
        // However long the hand-off write takes, the message is not complete on the server.
        await new Promise((r) => setTimeout(r, 150));
        messagesDuringHook = server.messages.length;
      },
      onLine: (line) => {
        h.lines.push(line);
        if (line.direction === 'server' && line.code) order.push(String(line.code));
      },
    });
    expectSent(await sendMessage(h.request));

    expect(h.beforeFinalDotCalls).toBe(1);
    expect(messagesDuringHook).toBe(0);
    expect(server.messages).toHaveLength(1);
    // 354 (go ahead) comes before the hook, the final 250 after it.
    const hookAt = order.indexOf('beforeFinalDot');
    expect(order.lastIndexOf('354', hookAt)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('250', hookAt)).toBeGreaterThan(hookAt);
  });

  it('stops the send when it throws: the server never gets the final dot', async () => {
    const server = await smtp({ hideDSN: false });
    const h = harness(server.port, {
      beforeFinalDot: async () => {
        h.beforeFinalDotCalls++;
        throw new Error('cancelled at the last moment');
      },
    });
    const outcome = expectFailed(await sendMessage(h.request));
    expect(h.beforeFinalDotCalls).toBe(1);

    await waitFor(() => server.closedConnections === 1, 15_000, 'connection close');
    expect(server.dataStarted).toBe(1);
    expect(server.dataAborted).toBe(1);
    expect(server.messages).toHaveLength(0);
    expect(server.wire()).not.toMatch(/\r\n\.\r\n/);
    expect(outcome.failure.message).toContain('cancelled at the last moment');
  });
});

describe('abort', () => {
  it('while the body streams yields aborted and the server never completes the message', async () => {
    let controller!: AbortController;
    const server = await smtp({
      hideDSN: false,
      onDataChunk: (_chunk, soFar) => {
        if (soFar > 0) controller.abort();
      },
    });
    let hookCalls = 0;
    let destroyed = false;
    const h = harness(server.port, {
      // A body that never ends on its own: only abort can stop this send.
      message: () =>
        new Readable({
          read() {
            this.push(Buffer.from('body line\r\n'.repeat(100)));
          },
          highWaterMark: 1024,
          destroy(error, callback) {
            destroyed = true;
            callback(error);
          },
        }),
      beforeFinalDot: async () => {
        hookCalls++;
      },
    });
    controller = h.controller;
    const outcome = await sendMessage(h.request);

    expect(outcome).toEqual({ kind: 'aborted' });
    await waitFor(() => server.closedConnections === 1, 15_000, 'connection close');
    expect(server.dataStarted).toBe(1);
    expect(server.dataAborted).toBe(1);
    expect(server.messages).toHaveLength(0);
    expect(hookCalls).toBe(0);
    // The message stream is released, not left hanging.
    await waitFor(() => destroyed, 15_000, 'message stream destroyed');
  });

  it('before the send starts does not even connect', async () => {
    const server = await smtp();
    const h = harness(server.port);
    h.controller.abort();
    expect(await sendMessage(h.request)).toEqual({ kind: 'aborted' });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.connections).toBe(0);
  });
});

describe('recipients refused', () => {
  for (const hidePIPELINING of [false, true]) {
    it(`one of several refused with 550 5.1.1 is sent, that one marked (pipelining ${hidePIPELINING ? 'off' : 'on'})`, async () => {
      const server = await smtp({
        hideDSN: false,
        hidePIPELINING,
        rcptTo: (a) => (a.address === 'nobody@example.com' ? smtpError(550, '5.1.1 No such user here') : null),
      });
      const h = harness(server.port, { to: ['bob@example.com', 'nobody@example.com', 'carol@example.com'] });
      const outcome = expectSent(await sendMessage(h.request));

      const byAddress = Object.fromEntries(outcome.recipients.map((r) => [r.address, r]));
      expect(byAddress['bob@example.com']).toMatchObject({ accepted: true });
      expect(byAddress['carol@example.com']).toMatchObject({ accepted: true });
      expect(byAddress['nobody@example.com']).toMatchObject({ accepted: false, reply: { code: 550, enhanced: '5.1.1' } });
      expect(byAddress['nobody@example.com']?.reply?.text).toContain('No such user');
      expect(outcome.recipients).toHaveLength(3);
      expect(server.messages[0]?.rcptTo.map((r) => r.address)).toEqual(['bob@example.com', 'carol@example.com']);
    });
  }

  it('all refused permanently fails with SERVER_REJECTED, not retryable, each recipient listed', async () => {
    const server = await smtp({ hideDSN: false, rcptTo: () => smtpError(550, '5.1.1 No such user here') });
    const h = harness(server.port, { to: ['x@example.com', 'y@example.com'] });
    const outcome = expectFailed(await sendMessage(h.request));
    expect(outcome.failure).toMatchObject({ code: 'SERVER_REJECTED', retryable: false });
    expect(outcome.failure.reply?.code).toBe(550);
    expect(outcome.recipients.map((r) => [r.address, r.accepted, r.reply?.code])).toEqual([
      ['x@example.com', false, 550],
      ['y@example.com', false, 550],
    ]);
    expect(server.messages).toHaveLength(0);
    // The server answered every step: the conversation ends politely, with QUIT, not a dropped line.
    await waitFor(() => commandsOnWire(server).includes('QUIT'), 15_000, 'QUIT');
    expect(commandsOnWire(server).at(-1)).toBe('QUIT');
  });

  it('all refused without pipelining ends with QUIT too', async () => {
    const server = await smtp({ hideDSN: false, hidePIPELINING: true, rcptTo: () => smtpError(550, '5.1.1 No such user here') });
    expectFailed(await sendMessage(harness(server.port, { to: ['x@example.com', 'y@example.com'] }).request));
    await waitFor(() => commandsOnWire(server).includes('QUIT'), 15_000, 'QUIT');
  });

  it('all refused with one only deferred (450) is retryable', async () => {
    const server = await smtp({
      hideDSN: false,
      rcptTo: (a) => (a.address === 'x@example.com' ? smtpError(450, '4.2.1 Mailbox busy') : smtpError(550, '5.1.1 No such user')),
    });
    const outcome = expectFailed(await sendMessage(harness(server.port, { to: ['x@example.com', 'y@example.com'] }).request));
    expect(outcome.failure).toMatchObject({ code: 'SERVER_REJECTED', retryable: true });
  });
});

describe('connection and MAIL FROM failures', () => {
  it('a refused connection is NOT_CONNECTED and retryable', async () => {
    const port = await closedPort();
    const outcome = expectFailed(await sendMessage(harness(port).request));
    expect(outcome.failure).toMatchObject({ code: 'NOT_CONNECTED', retryable: true });
    expect(outcome.capabilities).toBeNull();
  });

  it('a server that never greets is a TIMEOUT, retryable', async () => {
    const silent = createServer(() => undefined);
    netServers.push(silent);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const h = harness((silent.address() as AddressInfo).port, { timeouts: { connect: 1000, greeting: 150, socket: 1000 } });
    const outcome = expectFailed(await sendMessage(h.request));
    expect(outcome.failure).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  for (const [code, retryable] of [
    [421, true],
    [451, true],
    [550, false],
  ] as const) {
    it(`${code} at MAIL FROM fails, retryable ${retryable}, nothing sent`, async () => {
      const server = await smtp({ hideDSN: false, mailFrom: () => smtpError(code, `${String(code)[0]}.7.1 Not now`) });
      const outcome = expectFailed(await sendMessage(harness(server.port).request));
      expect(outcome.failure.retryable).toBe(retryable);
      expect(outcome.failure.code).toBe('SERVER_REJECTED');
      expect(outcome.failure.reply?.code).toBe(code);
      expect(server.dataStarted).toBe(0);
      expect(server.messages).toHaveLength(0);
    });
  }
});

describe('internationalised addresses', () => {
  it('a non-ASCII local part without SMTPUTF8 fails with SMTPUTF8_REQUIRED before MAIL FROM', async () => {
    const server = await smtp({ hideDSN: false, hideSMTPUTF8: true });
    const outcome = expectFailed(await sendMessage(harness(server.port, { to: ['иван@пример.рф'] }).request));
    expect(outcome.failure).toMatchObject({ code: 'SMTPUTF8_REQUIRED', retryable: false });
    await waitFor(() => server.closedConnections === 1, 15_000, 'connection close');
    expect(server.mailFroms).toHaveLength(0);
    expect(commandsOnWire(server).filter((c) => !/^(EHLO|QUIT)/.test(c))).toEqual([]);
  });

  it('a non-ASCII sender without SMTPUTF8 fails the same way', async () => {
    const server = await smtp({ hideSMTPUTF8: true });
    const outcome = expectFailed(await sendMessage(harness(server.port, { from: 'анна@example.com' }).request));
    expect(outcome.failure.code).toBe('SMTPUTF8_REQUIRED');
    expect(server.mailFroms).toHaveLength(0);
  });

  it('an IDN domain without SMTPUTF8 goes out as punycode', async () => {
    const server = await smtp({ hideDSN: false, hideSMTPUTF8: true });
    const h = harness(server.port, { from: 'me@пример.рф', to: ['a@пример.рф'] });
    const outcome = expectSent(await sendMessage(h.request));
    const wire = commandsOnWire(server);
    expect(wire).toContainEqual(expect.stringMatching(/^MAIL FROM:<me@xn--e1afmkfd\.xn--p1ai>/));
    expect(wire).toContainEqual(expect.stringMatching(/^RCPT TO:<a@xn--e1afmkfd\.xn--p1ai>/));
    expect(server.wire()).not.toMatch(/[^\x00-\x7f]/);
    expect(outcome.recipients).toEqual([{ address: 'a@xn--e1afmkfd.xn--p1ai', accepted: true }]);
  });

  it('with SMTPUTF8 the addresses go out as typed, with the SMTPUTF8 parameter', async () => {
    const server = await smtp({ hideDSN: false });
    const h = harness(server.port, { to: ['иван@пример.рф'] });
    expectSent(await sendMessage(h.request));
    expect(server.rcptTos[0]?.address).toBe('иван@пример.рф');
    expect(server.mailFroms[0]?.args).toMatchObject({ SMTPUTF8: true });
    expect(Buffer.from(server.wire(), 'latin1').toString('utf8')).toContain('RCPT TO:<иван@пример.рф>');
  });
});

describe('bad input on the wire', () => {
  it('turns every bare CR and LF into CRLF, so no end-of-data can be smuggled inside the body', async () => {
    const server = await smtp({ hideDSN: false });
    const text = 'a\rb\nc\n.\rd\r.\r\ne\n.\n\r\n.\r\nsmuggled: MAIL FROM:<x@evil.test>\n';
    expectSent(await sendMessage(harness(server.port, { mime: item({ text }) }).request));
    const wire = server.wire();
    const data = wire.slice(wire.indexOf('\r\n\r\n'));
    expect(data).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    // The terminator appears once: at the very end of DATA.
    expect(wire.match(/\r\n\.\r\n/g)).toHaveLength(1);
    expect(server.messages).toHaveLength(1);
    expect(server.mailFroms).toHaveLength(1);
  });

  it('sends the validated address exactly, quoted local part and all', async () => {
    const server = await smtp({ hideDSN: false });
    const tricky = '"a@x.test y"@internal.test';
    // smtp-server refuses quoted local parts with a space (501); what matters is what we asked for.
    await sendMessage(harness(server.port, { to: [tricky] }).request);
    const rcpts = commandsOnWire(server).filter((l) => l.startsWith('RCPT'));
    expect(rcpts).toHaveLength(1);
    expect(rcpts[0]).toMatch(/^RCPT TO:<"a@x\.test y"@internal\.test>( |$)/);
    expect(server.wire()).not.toContain('<a@x.test>');
  });

  it('folds a 998-character subject and encodes Cyrillic and French names and text (RFC 2047), with no header line over 998 octets', async () => {
    const server = await smtp({ hideDSN: false });
    const mime = item({
      subject: `Ça va? Привет ${'x'.repeat(980)}`,
      from: { name: 'Jean "Le" Dupont, fils', address: 'jean@example.com' },
      recipients: [{ name: 'Пётр Иванов', address: 'petr@example.com', field: 'to', state: 'pending' }],
      text: 'Ça marche. Всё хорошо.\n',
    });
    expectSent(await sendMessage(harness(server.port, { mime }).request));
    const received = server.messages[0]!.data.toString('utf8');
    const header = received.slice(0, received.indexOf('\r\n\r\n'));
    expect(header.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(header).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    expect(header).toContain('"Jean \\"Le\\" Dupont, fils" <jean@example.com>');
    expect(header).toMatch(/^To: =\?UTF-8\?B\?[^?]+\?= <petr@example\.com>$/m);
    expect(/[^\x00-\x7f]/.test(header)).toBe(false);
  });

  it('sends text and HTML as multipart/alternative', async () => {
    const server = await smtp({ hideDSN: false });
    expectSent(await sendMessage(harness(server.port, { mime: item({ text: 'Plain version', html: '<p><b>Rich</b> version</p>' }) }).request));
    const received = server.messages[0]!.data.toString('utf8');
    expect(received).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(received.indexOf('text/plain')).toBeLessThan(received.indexOf('text/html'));
    expect(received).toContain('<p><b>Rich</b> version</p>');
  });
});

describe('SIZE', () => {
  it('declares the estimated size on MAIL FROM when the server offers SIZE, and not otherwise', async () => {
    const withSize = await smtp({ hideDSN: false, size: 1_000_000 });
    expectSent(await sendMessage(harness(withSize.port, { messageSize: 4321 }).request));
    expect(commandsOnWire(withSize).find((l) => l.startsWith('MAIL'))).toMatch(/ SIZE=4321( |$)/);
    const withoutSize = await smtp({ hideDSN: false });
    expectSent(await sendMessage(harness(withoutSize.port, { messageSize: 4321 }).request));
    expect(commandsOnWire(withoutSize).find((l) => l.startsWith('MAIL'))).not.toMatch(/SIZE=/);
  });
});
