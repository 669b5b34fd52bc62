/**
 * The whole delivery-report loop on real servers: the core sends through a
 * private Postfix (DSN on) to three recipients — one delivered locally, one
 * accepted then bounced, one for a domain whose next hop never answers (with a
 * one-second delay_warning_time) — and Postfix's reports come back by LMTP
 * into the sender's mailbox on a private Dovecot, where the core's IMAP sync
 * finds them. Each recipient must reach its state: delivered, failed, delayed.
 * Prints `dsn: delivered=N failed=N delayed=N unmatched=N max_ms=M` (max_ms:
 * the longest time from the send to a recipient's state change).
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnmatchedReport } from '../../../shared/mail-model';
import type { Account, AccountInput, DeliveryState, OutboxItem } from '../../../shared/model';
import { freePorts, startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { ensureLocalUsers, type LocalUsers } from '../../../testing/postfix/local-mail';
import { BOUNCE_ADDRESS, DOMAIN, POSTCONF, POSTFIX, requireRoot, run, startPostfix, type PostfixInstance } from '../../../testing/postfix/postfix-instance';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const ROOT = join(__dirname, '..', '..', '..');
const SENDER_DOMAIN = 'dovecot.test';
const SLOW_DOMAIN = 'slow.test';
const DELIVERED_USER = 'ootest-dsn-ok';
const RECIPIENTS = { delivered: `${DELIVERED_USER}@${DOMAIN}`, failed: BOUNCE_ADDRESS, delayed: `someone@${SLOW_DOMAIN}` } as const;

let dovecot: DovecotInstance | undefined;
let postfix: PostfixInstance | undefined;
let users: LocalUsers | undefined;
let core: TestCore | undefined;
let line = 'dsn: delivered=0 failed=0 delayed=0 unmatched=-1 max_ms=-1 (the loop did not finish)';

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

beforeAll(async () => {
  requireRoot();
  const ensured = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-dovecot.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (ensured.status !== 0) throw new Error('scripts/ensure-dovecot.mjs failed: Dovecot is needed for the delivery-report loop');
  users = ensureLocalUsers([DELIVERED_USER]);
  dovecot = await startDovecot({ lmtp: true });
  for (let i = 0; i < 200 && !(await listening(dovecot.lmtpPort!)); i++) await new Promise((r) => setTimeout(r, 50));
  postfix = await startPostfix();
  // Reports for the sender go by LMTP to Dovecot; the slow domain's next hop is a closed port.
  const [deadPort] = (await freePorts(1)) as [number];
  const transport = join(postfix.configDir, 'transport');
  writeFileSync(transport, `${readFileSync(transport, 'utf8')}${SENDER_DOMAIN} lmtp:inet:127.0.0.1:${dovecot.lmtpPort}\n${SLOW_DOMAIN} smtp:[127.0.0.1]:${deadPort}\n`);
  // A delay is reported after one second, and deferred mail is retried every second or two.
  for (const setting of ['delay_warning_time = 1s', 'queue_run_delay = 1s', 'minimal_backoff_time = 1s', 'maximal_backoff_time = 2s']) run(POSTCONF, ['-c', postfix.configDir, '-e', setting]);
  run(POSTFIX, ['-c', postfix.configDir, 'reload']);

  core = await startTestCore({ sqlite: true, log: { info: () => undefined, error: (message, error) => console.error(message, error ?? '') }, imap: { minBackoffMs: 200, maxBackoffMs: 1_000, timeouts: { connect: 10_000, greeting: 10_000 } } });
  await core.ready;
}, 120_000);

afterAll(async () => {
  console.log(line);
  // Each step timed and printed: a teardown that once ran past a minute in CI says which part was slow.
  const steps: string[] = [];
  const timed = async (name: string, step: () => Promise<unknown> | undefined) => {
    const start = Date.now();
    await step();
    steps.push(`${name}=${Date.now() - start}`);
  };
  await timed('core_ms', () => core?.close());
  if (core) rmSync(core.userDataDir, { recursive: true, force: true });
  await timed('postfix_ms', () => postfix?.stop());
  await timed('dovecot_ms', () => dovecot?.stop());
  users?.remove();
  console.log(`dsn teardown: ${steps.join(' ')}`);
}, 180_000);

describe('delivery reports from Postfix through Dovecot', () => {
  it('each recipient reaches delivered, failed or delayed from the report that comes back by IMAP', async () => {
    const account = await core!.call<Account>('accounts.save', {
      name: 'Loop',
      fromAddress: `${dovecot!.user}@${SENDER_DOMAIN}`,
      host: '127.0.0.1',
      port: postfix!.port,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      dsn: { notify: { success: true, failure: true, delay: true }, ret: 'headers' },
      incoming: { host: '127.0.0.1', port: dovecot!.port, security: 'none', username: dovecot!.user, secret: dovecot!.password },
    } satisfies AccountInput);

    // When each recipient's state first changed, from the events the window gets.
    const changedAt = new Map<string, { state: DeliveryState; at: number }>();
    let itemId = '';
    core!.events.onAny((name, payload) => {
      const item = payload as OutboxItem;
      if (name !== 'outbox:changed' || item.id !== itemId) return;
      for (const r of item.recipients) if (r.delivery && !changedAt.has(r.address)) changedAt.set(r.address, { state: r.delivery.state, at: Date.now() });
    });
    const queued = await core!.call<OutboxItem>('outbox.submit', { accountId: account.id, to: Object.values(RECIPIENTS).join(', '), subject: 'Loop', text: 'Where did it go?' });
    itemId = queued.id;
    const sent = await core!.waitForState(queued.id, 'sent', 30_000);
    expect(sent.recipients.map((r) => r.state)).toEqual(['accepted', 'accepted', 'accepted']);

    const states = async () => (await core!.call<OutboxItem>('outbox.get', { id: queued.id })).recipients.map((r) => [r.address, r.delivery?.state ?? null] as const);
    for (const deadline = Date.now() + 90_000; (await states()).some(([, state]) => state === null); ) {
      if (Date.now() > deadline) throw new Error(`not every recipient has a report: ${JSON.stringify(await states())}\n--- postfix log:\n${postfix!.log().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await states()).toEqual([
      [RECIPIENTS.delivered, 'delivered'],
      [RECIPIENTS.failed, 'failed'],
      [RECIPIENTS.delayed, 'delayed'],
    ]);
    const item = await core!.call<OutboxItem>('outbox.get', { id: queued.id });
    expect(item.recipients[1]?.delivery?.events[0]?.status).toMatch(/^5\./);
    expect(item.recipients[2]?.delivery?.events[0]?.status).toMatch(/^4\./);

    const unmatched = await core!.call<UnmatchedReport[]>('reports.unmatched', {});
    const counts = { delivered: 0, failed: 0, delayed: 0 } as Record<string, number>;
    for (const r of item.recipients) if (r.delivery) counts[r.delivery.state] = (counts[r.delivery.state] ?? 0) + 1;
    const sentAt = sent.sentAt ?? sent.updatedAt;
    const maxMs = Math.max(...[...changedAt.values()].map((c) => c.at - sentAt));
    line = `dsn: delivered=${counts.delivered} failed=${counts.failed} delayed=${counts.delayed} unmatched=${unmatched.length} max_ms=${maxMs}`;
    expect(unmatched).toEqual([]);
  }, 150_000);
});
