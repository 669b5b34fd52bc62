import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DSN, type OutboxItem, type SandboxMessage } from '../../../shared/model';
import { renderMime } from '../smtp/mime';
import { sendMessage, type SendRequest } from '../smtp/transport';
import { waitFor } from '../../../testing/harness/smtp-test-server';
import { decodeHeaderWords, readHeader } from './headers';
import { SANDBOX_MAX_SIZE, startSandboxServer, type SandboxServer } from './sandbox-server';
import { makeItem, tempAttachmentStore } from '../../../testing/harness/fixtures';

let dir: string;
let sandbox: SandboxServer | null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  sandbox = null;
});

afterEach(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

const MESSAGE_ID = '<abcdef0123456789.lq2@example.com>';

function item(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return makeItem({
    accountId: 'sandbox-01',
    messageId: MESSAGE_ID,
    envid: 'om-sandbox-envid',
    from: { name: 'Анна', address: 'anna@example.com' },
    recipients: [
      { address: 'bob@example.com', field: 'to', state: 'pending' },
      { address: 'carol@example.com', field: 'cc', state: 'pending' },
    ],
    subject: 'Привет',
    text: 'Текст письма.\n',
    dsn: { notify: { success: true, failure: true, delay: false }, ret: 'full' },
    createdAt: Date.UTC(2024, 4, 6, 7, 8, 9),
    ...overrides,
  });
}

function request(port: number, mail: OutboxItem, overrides: Partial<SendRequest> = {}): SendRequest {
  return {
    endpoint: { host: '127.0.0.1', port, security: 'none' },
    from: mail.from.address,
    to: mail.recipients.map((r) => r.address),
    dsn: mail.dsn,
    envid: mail.envid,
    message: () => renderMime(mail, tempAttachmentStore()),
    beforeFinalDot: async () => undefined,
    signal: new AbortController().signal,
    onLine: () => undefined,
    timeouts: { connect: 1000, greeting: 1000, socket: 2000 },
    ...(sandbox ? { credentials: sandbox.credentials } : {}),
    ...overrides,
  };
}

const emlFiles = () => readdirSync(dir).filter((f) => f.endsWith('.eml'));

describe('sandbox server', () => {
  it('keeps a message sent through the transport and reports its envelope, DSN parameters and headers', async () => {
    const received: SandboxMessage[] = [];
    sandbox = await startSandboxServer({ dir, onMessage: async (m) => void received.push(m) });
    const mail = item();
    const produced: Buffer[] = [];
    const startedAt = Date.now();
    const outcome = await sendMessage(
      request(sandbox.port, mail, {
        message: () => renderMime(mail, tempAttachmentStore()).pipe(new PassThrough()).on('data', (c: Buffer) => produced.push(c)),
      }),
    );

    expect(outcome.kind).toBe('sent');
    if (outcome.kind === 'sent') {
      expect(outcome.warnings).toEqual([]);
      expect(outcome.capabilities).toMatchObject({ dsn: true, smtputf8: true });
      expect(outcome.reply.text).toMatch(/kept as [0-9a-f-]{36}/);
    }
    expect(received).toHaveLength(1);
    const message = received[0]!;
    expect(message.mailFrom).toBe('anna@example.com');
    expect(message.mailParams).toMatchObject({ RET: 'FULL', ENVID: 'om-sandbox-envid' });
    expect(message.rcptTo).toEqual([
      { address: 'bob@example.com', params: { NOTIFY: 'SUCCESS,FAILURE' } },
      { address: 'carol@example.com', params: { NOTIFY: 'SUCCESS,FAILURE' } },
    ]);
    expect(message.subject).toBe('Привет');
    expect(message.messageId).toBe(MESSAGE_ID);
    expect(message.receivedAt).toBeGreaterThanOrEqual(startedAt);
    expect(message.receivedAt).toBeLessThanOrEqual(Date.now());

    const file = join(dir, `${message.id}.eml`);
    expect(emlFiles()).toEqual([`${message.id}.eml`]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file);
    expect(message.size).toBe(stored.length);
    // The file is the message as sent (line ends made CRLF on the wire).
    const sent = Buffer.concat(produced).toString('utf8').replace(/\r?\n/g, '\r\n');
    expect(stored.toString('utf8').replace(/\r\n$/, '')).toBe(sent.replace(/\r\n$/, ''));
  });

  it('decodes a long subject folded into several encoded words', async () => {
    const received: SandboxMessage[] = [];
    sandbox = await startSandboxServer({ dir, onMessage: async (m) => void received.push(m) });
    const subject = 'Привет, мир! Это довольно длинная тема письма — с тире и «кавычками» ✓ '.repeat(2).trim();
    const outcome = await sendMessage(request(sandbox.port, item({ subject })));
    expect(outcome.kind).toBe('sent');
    const raw = readFileSync(join(dir, `${received[0]!.id}.eml`), 'latin1');
    // It really was folded into more than one encoded word.
    expect((readHeader(raw, 'subject')?.match(/=\?/g) ?? []).length).toBeGreaterThan(1);
    expect(received[0]?.subject).toBe(subject);
  });

  it('reports no DSN parameters when the client sent none', async () => {
    const received: SandboxMessage[] = [];
    sandbox = await startSandboxServer({ dir, onMessage: async (m) => void received.push(m) });
    const { default: SMTPConnection } = await import('nodemailer/lib/smtp-connection');
    const conn = new SMTPConnection({ host: '127.0.0.1', port: sandbox.port, ignoreTLS: true });
    await new Promise<void>((resolve, reject) => {
      conn.once('error', reject);
      conn.connect(() => {
        const { user, secret: pass } = sandbox!.credentials;
        conn.login({ user, pass }, (loginError) => {
          if (loginError) return reject(loginError);
          conn.send({ from: 'a@example.com', to: ['b@example.com'] }, 'Subject: plain\r\nMessage-ID: <x@y>\r\n\r\nhi\r\n', (error) => {
            conn.quit();
            if (error) reject(error);
            else resolve();
          });
        });
      });
    });
    expect(received[0]).toMatchObject({ mailFrom: 'a@example.com', mailParams: {}, rcptTo: [{ address: 'b@example.com', params: {} }], subject: 'plain', messageId: '<x@y>' });
  });

  it('keeps nothing when the client goes away before the final dot', async () => {
    const onMessage = vi.fn(async () => undefined);
    const onError = vi.fn();
    sandbox = await startSandboxServer({ dir, onMessage, onError });
    const controller = new AbortController();
    let chunks = 0;
    const outcome = await sendMessage(
      request(sandbox.port, item(), {
        signal: controller.signal,
        message: () =>
          new Readable({
            read() {
              // Abort once some of the body has gone out.
              if (++chunks === 20) setTimeout(() => controller.abort(), 20);
              this.push(Buffer.from(chunks === 1 ? 'Subject: cut short\r\n\r\n' : 'x'.repeat(1000) + '\r\n'));
            },
          }),
      }),
    );
    expect(outcome).toEqual({ kind: 'aborted' });
    await waitFor(() => onError.mock.calls.length > 0, 15_000, 'the sandbox to notice');
    await new Promise((r) => setTimeout(r, 50));
    expect(onMessage).not.toHaveBeenCalled();
    expect(emlFiles()).toEqual([]);
  });

  it('refuses with a transient 451, and keeps no file, when the message cannot be recorded', async () => {
    const onError = vi.fn();
    sandbox = await startSandboxServer({
      dir,
      onMessage: async () => {
        throw new Error('database is locked');
      },
      onError,
    });
    const outcome = await sendMessage(request(sandbox.port, item()));
    expect(outcome.kind).toBe('failed');
    if (outcome.kind === 'failed') {
      expect(outcome.failure).toMatchObject({ code: 'SERVER_REJECTED', retryable: true, reply: { code: 451 } });
      expect(outcome.failure.message).not.toContain('database is locked');
    }
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'database is locked' }));
    expect(emlFiles()).toEqual([]);
  });

  it('refuses a message over the size limit with 552 and keeps no file', async () => {
    const onMessage = vi.fn(async () => undefined);
    sandbox = await startSandboxServer({ dir, onMessage });
    const line = Buffer.from('y'.repeat(998) + '\r\n');
    let sent = 0;
    const outcome = await sendMessage(
      request(sandbox.port, item(), {
        message: () =>
          new Readable({
            read() {
              if (sent === 0) this.push('Subject: big\r\n\r\n');
              if (sent > SANDBOX_MAX_SIZE) return void this.push(null);
              const chunk = Buffer.concat(Array.from({ length: 256 }, () => line));
              sent += chunk.length;
              this.push(chunk);
            },
          }),
      }),
    );
    expect(outcome.kind === 'failed' && outcome.failure).toMatchObject({ code: 'SERVER_REJECTED', retryable: false, reply: { code: 552 } });
    expect(onMessage).not.toHaveBeenCalled();
    expect(emlFiles()).toEqual([]);
  });

  it('takes mail only from this app: no login, a wrong password or another run\'s password are refused', async () => {
    const onMessage = vi.fn(async () => undefined);
    sandbox = await startSandboxServer({ dir, onMessage });
    const earlier = await startSandboxServer({ dir: mkdtempSync(join(tmpdir(), 'sandbox-other-')), onMessage });
    expect(earlier.credentials.secret).not.toBe(sandbox.credentials.secret);
    const attempts = [
      { credentials: undefined },
      { credentials: { ...sandbox.credentials, secret: 'guessed' } },
      { credentials: earlier.credentials },
    ];
    await earlier.close();
    for (const overrides of attempts) {
      const outcome = await sendMessage(request(sandbox.port, item(), overrides));
      expect(outcome.kind).toBe('failed');
    }
    expect(onMessage).not.toHaveBeenCalled();
    expect(emlFiles()).toEqual([]);
    expect((await sendMessage(request(sandbox.port, item()))).kind).toBe('sent');
  });

  it('keeps mail within its quota, counting what earlier runs kept, and refuses more with a 452', async () => {
    const onMessage = vi.fn(async () => undefined);
    sandbox = await startSandboxServer({ dir, onMessage, quota: 6000 });
    expect((await sendMessage(request(sandbox.port, item()))).kind).toBe('sent');
    const kept = emlFiles();
    expect(kept).toHaveLength(1);
    await sandbox.close();
    // A new run counts the message already kept against the same quota.
    const size = statSync(join(dir, kept[0]!)).size;
    sandbox = await startSandboxServer({ dir, onMessage, quota: size + 100 });
    const outcome = await sendMessage(request(sandbox.port, item()));
    expect(outcome.kind === 'failed' ? outcome.failure.reply?.code : outcome.kind).toBe(452);
    expect(emlFiles()).toHaveLength(1);
  });

  it('listens on loopback only, and close() frees the port', async () => {
    sandbox = await startSandboxServer({ dir, onMessage: async () => undefined });
    const { port } = sandbox;
    expect(port).toBeGreaterThan(0);
    await sandbox.close();
    sandbox = null;
    const outcome = await sendMessage(request(port, item()));
    expect(outcome.kind === 'failed' && outcome.failure.code).toBe('NOT_CONNECTED');
  });

  it('creates its folder when missing', async () => {
    const nested = join(dir, 'a', 'b');
    sandbox = await startSandboxServer({ dir: nested, onMessage: async () => undefined });
    expect(statSync(nested).isDirectory()).toBe(true);
  });
});

describe('header reading', () => {
  it('unfolds and finds a header case-insensitively', () => {
    const block = 'From: a@example.com\r\nSubject: first\r\n second\r\n\tthird\r\nX-Subject: no';
    expect(readHeader(block, 'subject')).toBe('first second third');
    expect(readHeader(block, 'SUBJECT')).toBe('first second third');
    expect(readHeader(block, 'message-id')).toBeUndefined();
  });

  it('decodes B and Q encoded words, joining adjacent ones without the space between them', () => {
    expect(decodeHeaderWords('=?UTF-8?B?0J/RgNC40LLQtdGC?=')).toBe('Привет');
    expect(decodeHeaderWords('=?utf-8?Q?Caf=C3=A9_au_lait?=')).toBe('Café au lait');
    expect(decodeHeaderWords('=?UTF-8?B?0J/RgNC4?= =?UTF-8?B?0LLQtdGC?=')).toBe('Привет');
    expect(decodeHeaderWords('Re: =?iso-8859-1?Q?r=E9sum=E9?= attached')).toBe('Re: résumé attached');
    expect(decodeHeaderWords('plain text')).toBe('plain text');
  });
});
