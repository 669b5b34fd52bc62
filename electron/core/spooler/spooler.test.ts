import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { OutboxItem, TranscriptEntry } from '../../../shared/model';
import { SANDBOX_ACCOUNT_ID } from '../accounts/accounts-service';
import { startTestSmtpServer, type TestSmtpServer } from '../../../testing/harness/smtp-test-server';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | undefined;
const servers: SMTPServer[] = [];
const extraServers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(extraServers.splice(0).map((s) => s.close()));
  await core?.close();
  core = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(() => r(undefined)))));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real SMTP server whose behaviour the test scripts; counts completed messages. */
async function server(options: Partial<SMTPServerOptions>): Promise<{ port: number; received: string[] }> {
  const received: string[] = [];
  const smtp = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideDSN: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString());
        callback(null, 'stored');
      });
    },
    ...options,
  });
  servers.push(smtp);
  await new Promise<void>((r) => smtp.listen((options as { port?: number }).port ?? 0, '127.0.0.1', () => r()));
  return { port: (smtp.server.address() as AddressInfo).port, received };
}

/** Points the default account at another server. */
async function useServer(port: number): Promise<void> {
  const account = await core!.db.accounts.get(SANDBOX_ACCOUNT_ID);
  await core!.db.accounts.put({ ...account!, port });
}

const submit = (over: Record<string, unknown> = {}) =>
  core!.call<OutboxItem>('outbox.submit', { to: 'ada@example.test, bob@example.test', subject: 'S', text: 'T', ...over });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return (error as { appError: AppError }).appError;
  }
  throw new Error('expected the call to fail');
}

describe('spooler', () => {
  it('consecutive messages share one connection, which says QUIT once it has been idle', async () => {
    core = await startTestCore({ spooler: { connectionIdleMs: 300 } });
    const target = await startTestSmtpServer({ hideDSN: false });
    extraServers.push(target);
    await useServer(target.port);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const item = await submit({ subject: `S${n}` });
      await core.waitForState(item.id, 'sent');
      ids.push(item.id);
    }
    expect(target.messages).toHaveLength(3);
    expect(target.connections).toBe(1);
    const second = await core.call<TranscriptEntry[]>('transcript.get', { id: ids[1] });
    expect(second[0]?.text).toMatch(/^Reusing the open connection/);
    expect(second.some((l) => l.command === 'EHLO')).toBe(false);
    await expect.poll(() => target.closedConnections, { timeout: 3000 }).toBe(1);
    expect(target.wire()).toMatch(/QUIT\r\n$/);
  });

  it('holds a message until its notBefore, then sends it', async () => {
    core = await startTestCore();
    const item = await submit({ delaySeconds: 1 });
    // Held, and held until notBefore: states and recorded times, not a sleep that a busy machine can overrun.
    expect(item.state).toBe('queued');
    expect(item.notBefore - item.createdAt).toBeGreaterThanOrEqual(1000);
    const sent = await core.waitForState(item.id, 'sent', 15_000);
    expect(sent.sentAt!).toBeGreaterThanOrEqual(item.notBefore);
  });

  it('waits for an unreachable server without using attempts, and sends as soon as it is back', async () => {
    core = await startTestCore({ spooler: { probePolicy: { firstDelayMs: 100, maxDelayMs: 200 } } });
    const down = await server({});
    const port = down.port;
    await new Promise((r) => servers.pop()!.close(() => r(undefined)));
    await useServer(port);
    const item = await submit();
    const waiting = await core.waitForState(item.id, 'deferred');
    expect(waiting.attempts).toBe(0);
    expect(waiting.error?.code).toBe('NOT_CONNECTED');
    expect(waiting.error?.message).toMatch(/Waiting for 127\.0\.0\.1:\d+ to be reachable/);
    // The host is online; it is this account's server that is down, and the status says which.
    expect(core.status().online).toBe(true);
    expect(core.status().unreachable).toEqual([expect.objectContaining({ accountId: SANDBOX_ACCOUNT_ID, port })]);
    await sleep(600); // several probes fail meanwhile; none of them is an attempt
    expect((await core.call<OutboxItem>('outbox.get', { id: item.id })).attempts).toBe(0);

    const back = await server({ port } as Partial<SMTPServerOptions>);
    const sent = await core.waitForState(item.id, 'sent', 15_000);
    expect(sent.attempts).toBe(1);
    expect(back.received).toHaveLength(1);
    expect(core.status().online).toBe(true);
    expect(core.status().unreachable).toEqual([]);
  });

  it('one account whose server refuses connections leaves the app online while another account sends; after a few failed probes it is reported as needing its settings fixed', async () => {
    core = await startTestCore({ spooler: { probePolicy: { firstDelayMs: 50, maxDelayMs: 100, persistentAfter: 3 } } });
    const down = await server({});
    const deadPort = down.port;
    await new Promise((r) => servers.pop()!.close(() => r(undefined)));
    await useServer(deadPort);
    const stuck = await submit({ subject: 'Through the dead server', accountId: SANDBOX_ACCOUNT_ID });
    await core.waitForState(stuck.id, 'deferred');
    const alive = await server({});
    const other = await core.call<{ id: string }>('accounts.save', {
      name: 'Home', fromName: 'Ann', fromAddress: 'ann@home.test', host: '127.0.0.1', port: alive.port, security: 'none', auth: { mechanism: 'none', username: '' },
    });
    const through = await submit({ subject: 'Through the live one', accountId: other.id });
    await core.waitForState(through.id, 'sent');
    expect(alive.received).toHaveLength(1);
    expect(core.status().online).toBe(true);
    expect(core.status().unreachable?.map((u) => u.accountId)).toEqual([SANDBOX_ACCOUNT_ID]);
    await expect.poll(() => core!.status().unreachable?.[0]?.persistent, { timeout: 10_000 }).toBe(true);
    expect(core.status().unreachable?.[0]).toMatchObject({ host: '127.0.0.1', port: deadPort });
    expect(core.seen.some((e) => e.name === 'app:status' && (e.payload as { unreachable?: { persistent: boolean }[] }).unreachable?.[0]?.persistent)).toBe(true);
    expect((await core.call<OutboxItem>('outbox.get', { id: stuck.id })).state).toBe('deferred');
  });

  it('sends nothing while the host is offline, and flushes when it is back', async () => {
    core = await startTestCore();
    core.setOnline(false);
    const item = await submit();
    await sleep(300);
    expect((await core.call<OutboxItem>('outbox.get', { id: item.id })).state).toBe('queued');
    expect(core.status().online).toBe(false);
    core.setOnline(true);
    expect((await core.waitForState(item.id, 'sent')).attempts).toBe(1);
  });

  it('Retry now puts a failed message back in the queue and sends it', async () => {
    core = await startTestCore();
    let refuse = true;
    const { port, received } = await server({
      onMailFrom: (_a, _s, cb) => cb(refuse ? Object.assign(new Error('5.7.1 Not now'), { responseCode: 550 }) : null),
    });
    await useServer(port);
    const item = await submit();
    await core.waitForState(item.id, 'failed');
    refuse = false;
    const retried = await core.call<OutboxItem>('outbox.retry', { id: item.id });
    expect(retried.state).toBe('queued');
    expect(retried.error).toBeNull();
    const sent = await core.waitForState(item.id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(received).toHaveLength(1);
    expect((await failure(core.call('outbox.retry', { id: item.id }))).code).toBe('ILLEGAL_STATE');
  });

  it('fails for good on a 5xx and keeps the server words', async () => {
    core = await startTestCore();
    const { port } = await server({
      onMailFrom: (_a, _s, cb) => cb(Object.assign(new Error('5.7.1 Sender not allowed'), { responseCode: 550 })),
    });
    await useServer(port);
    const item = await submit();
    const failed = await core.waitForState(item.id, 'failed');
    expect(failed.error?.code).toBe('SERVER_REJECTED');
    expect(failed.error?.message).toContain('550');
    expect(failed.lastReply).toMatchObject({ code: 550, enhanced: '5.7.1' });
  });

  it('delivers to accepted recipients and marks only the rejected one failed', async () => {
    core = await startTestCore();
    const { port, received } = await server({
      onRcptTo: (a, _s, cb) => cb(a.address.startsWith('bob') ? Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }) : null),
    });
    await useServer(port);
    const item = await submit();
    const sent = await core.waitForState(item.id, 'sent');
    expect(sent.recipients.map((r) => [r.address, r.state, r.reply?.code])).toEqual([
      ['ada@example.test', 'accepted', undefined],
      ['bob@example.test', 'rejected', 550],
    ]);
    expect(received).toHaveLength(1);
  });

  it('reports NO_DSN_SUPPORT when the server does not offer DSN, and still sends', async () => {
    core = await startTestCore();
    const { port, received } = await server({ hideDSN: true });
    await useServer(port);
    const item = await submit();
    const sent = await core.waitForState(item.id, 'sent');
    expect(sent.warnings).toEqual(['NO_DSN_SUPPORT']);
    expect(received).toHaveLength(1);
  });

  it('cancel while sending, before the final dot, closes the line and the server keeps nothing', async () => {
    core = await startTestCore();
    const { port, received } = await server({ onRcptTo: (_a, _s, cb) => setTimeout(() => cb(), 400) });
    await useServer(port);
    const item = await submit();
    await core.waitForState(item.id, 'sending');
    const cancelled = await core.call<OutboxItem>('outbox.abort', { id: item.id });
    expect(cancelled.state).toBe('cancelled');
    await sleep(1200);
    expect(received).toHaveLength(0);
    expect((await core.call<OutboxItem>('outbox.get', { id: item.id })).state).toBe('cancelled');
  });

  it('cancel after the final dot says TOO_LATE and the message is delivered exactly once', async () => {
    core = await startTestCore();
    const received: string[] = [];
    const { port } = await server({
      onData(stream, _s, cb) {
        stream.resume();
        stream.on('end', () => {
          received.push('message');
          setTimeout(() => cb(null, 'stored late'), 400);
        });
      },
    });
    await useServer(port);
    const item = await submit();
    await expect.poll(async () => (await core!.call<OutboxItem>('outbox.get', { id: item.id })).handedOffAt, { timeout: 5000 }).not.toBeNull();
    const error = await failure(core.call('outbox.abort', { id: item.id }));
    expect(error.code).toBe('TOO_LATE');
    await core.waitForState(item.id, 'sent');
    expect(received).toHaveLength(1);
  });
});
