/**
 * Sending on a disk that fills up and then gets its space back (a real full
 * disk: a small tmpfs, see small-disk.ts). Nothing may stay stuck in
 * `sending` until a restart, and a 250 the server gave is never forgotten.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { OutboxItem } from '../../../shared/model';
import { loopbackAccount } from '../../../testing/harness/fixtures';
import { mountSmallDisk, type SmallDisk } from '../../../testing/harness/small-disk';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | undefined;
let disk: SmallDisk | undefined;
let server: SMTPServer | undefined;
afterEach(async () => {
  disk?.free();
  await core?.close();
  core = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  disk?.unmount();
  disk = undefined;
});

interface Hooks {
  /** Runs when the server is about to accept the first RCPT. */
  atRcpt?: () => void;
  /** Runs after the whole message arrived, before the server says 250. */
  beforeReply?: () => void;
}

async function startServer(hooks: Hooks): Promise<{ port: number; received: string[] }> {
  const received: string[] = [];
  let rcpts = 0;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (rcpts++ === 0) hooks.atRcpt?.();
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        received.push(/^Message-ID: (.*)$/im.exec(text)?.[1]?.trim() ?? '');
        hooks.beforeReply?.();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server!.server.address() as AddressInfo).port, received };
}

async function submitTo(port: number): Promise<OutboxItem> {
  const account = loopbackAccount('full-disk-acct', port);
  await core!.db.accounts.put(account);
  return core!.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'ada@example.test', subject: 'On a full disk', text: 'x'.repeat(2000), delaySeconds: 0 });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sending while the disk fills up', () => {
  it('a handoff the disk refused does not leave the message in sending: it goes on once space returns', async () => {
    disk = mountSmallDisk(16);
    core = await startTestCore({ userDataDir: disk.dir });
    await core.ready;
    const peer = await startServer({ atRcpt: () => disk!.fill() });
    const item = await submitTo(peer.port);

    // The handoff could not be stored, so the final dot was never sent.
    await pause(1500);
    expect(peer.received).toHaveLength(0);
    expect(core.store.getItem(item.id)?.state).not.toBe('sent');

    disk.free();
    const sent = await core.waitForState(item.id, 'sent', 20_000);
    expect(peer.received).toEqual([item.messageId]);
    expect(sent.warnings).not.toContain('POSSIBLE_DUPLICATE');
  }, 40_000);

  it('a 250 whose write the disk refused is written once space returns, and is not sent again after a restart', async () => {
    disk = mountSmallDisk(16);
    core = await startTestCore({ userDataDir: disk.dir });
    await core.ready;
    const peer = await startServer({ beforeReply: () => disk!.fill() });
    const item = await submitTo(peer.port);

    await expect.poll(() => peer.received.length, { timeout: 10_000 }).toBe(1);
    await pause(1000);
    expect(core.store.getItem(item.id)?.state).toBe('sending');

    disk.free();
    const sent = await core.waitForState(item.id, 'sent', 20_000);
    expect(sent.lastReply?.code).toBe(250);

    await core.close();
    core = await startTestCore({ userDataDir: disk.dir });
    await core.ready;
    expect(core.store.getItem(item.id)?.state).toBe('sent');
    await pause(500);
    expect(peer.received).toEqual([item.messageId]);
  }, 40_000);
});
