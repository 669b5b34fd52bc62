/**
 * The Sent copy against a real Dovecot, through the real core and a real SMTP
 * server: one copy, \Seen, same Message-ID, in the folder the server marks
 * \Sent (here not named "Sent"); a server that is down and comes back; the
 * line cut after the APPEND reached the server but before its OK reached us
 * (still exactly one copy); the "server files it" setting; Gmail's
 * X-GM-EXT-1 (a scripted server advertises it) detected and skipped.
 */
import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account, OutboxItem, SentCopy } from '../../../shared/model';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { startTcpProxy, type TcpProxy } from '../../../testing/dovecot/tcp-proxy';
import { MODERN_CAPABILITIES, startScriptedImapServer, type ScriptedImapServer } from '../../../testing/harness/scripted-imap-server';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';
import { waitFor } from '../../../testing/harness/poll';
import { startTestSmtpServer, type TestSmtpServer } from '../../../testing/harness/smtp-test-server';

/** Not "Sent": only the special-use flag can find it. */
const SENT = 'Envoyés';
const SHORT_RETRY = { firstDelayMs: 300, factor: 1.5, maxDelayMs: 2_000, jitter: 0, giveUpAfterMs: Infinity };

let dovecot: DovecotInstance;
let proxy: TcpProxy;
let smtp: TestSmtpServer;
let core: TestCore | null = null;

beforeAll(async () => {
  dovecot = await startDovecot({ sentFolder: SENT });
  proxy = await startTcpProxy(dovecot.port);
  smtp = await startTestSmtpServer();
});

afterEach(async () => {
  await core?.close();
  core = null;
  proxy.refuse(false);
});

afterAll(async () => {
  await smtp?.close();
  await proxy?.close();
  await dovecot?.stop();
});

async function coreWithAccount(incoming: { port: number; username?: string; secret?: string; sentCopy?: 'auto' | 'append' | 'server' }): Promise<{ core: TestCore; account: Account }> {
  // The outbox store is SQLite either way; accounts and settings in memory, so each test has its own core.
  const started = await startTestCore({
    sentCopy: { retry: SHORT_RETRY, timeouts: { connect: 5_000, greeting: 5_000, socket: 20_000 } },
    imap: { minBackoffMs: 200, maxBackoffMs: 1_000 },
  });
  core = started;
  const account = await started.call<Account>('accounts.save', {
    name: 'Dovecot',
    fromAddress: 'reader@example.test',
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    auth: { mechanism: 'none', username: '' },
    incoming: { host: '127.0.0.1', port: incoming.port, security: 'none', username: incoming.username ?? dovecot.user, secret: incoming.secret ?? dovecot.password, ...(incoming.sentCopy ? { sentCopy: incoming.sentCopy } : {}) },
  });
  return { core: started, account };
}


const copyReaches = (c: TestCore, id: string, ok: (copy: SentCopy) => boolean, timeoutMs?: number) =>
  waitFor(() => c.call<OutboxItem>('outbox.get', { id }), (item) => item.sentCopy !== null && ok(item.sentCopy), timeoutMs);

/** The copies of a Message-ID in a folder, read by a second client straight from Dovecot. */
async function copiesIn(folder: string, messageId: string): Promise<{ flags: string[]; source: string }[]> {
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
    const found: { flags: string[]; source: string }[] = [];
    if (uids.length) for await (const m of client.fetch(uids, { flags: true, source: true }, { uid: true })) found.push({ flags: [...(m.flags ?? [])], source: m.source?.toString() ?? '' });
    return found;
  } finally {
    await client.logout().catch(() => client.close());
  }
}

const submit = (c: TestCore, accountId: string, subject: string, extra: Record<string, unknown> = {}) =>
  c.call<OutboxItem>('outbox.submit', { accountId, to: 'Ada <ada@example.test>', subject, text: `${subject}\n`, delaySeconds: 0, ...extra });

describe('the Sent copy on a real Dovecot', () => {
  it('appends the message once, \\Seen, with the same Message-ID, into the folder marked \\Sent, Bcc shown only there', async () => {
    const { core: c, account } = await coreWithAccount({ port: proxy.port });
    const item = await submit(c, account.id, 'Filed once', { bcc: 'hidden@example.test' });
    expect(item.sentCopy).toMatchObject({ state: 'pending' });
    const done = await copyReaches(c, item.id, (s) => s.state === 'filed');
    expect(done.state).toBe('sent');
    expect(done.sentCopy).toMatchObject({ state: 'filed', folder: SENT, reason: null });
    expect(done.sentCopy?.at).toBeGreaterThanOrEqual(done.sentAt ?? Infinity);
    const copies = await copiesIn(SENT, item.messageId);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.flags).toContain('\\Seen');
    expect(copies[0]?.source).toMatch(new RegExp(`^Message-ID: ${item.messageId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\r?$`, 'im'));
    expect(copies[0]?.source).toMatch(/^Bcc: hidden@example\.test\r?$/im);
    const sent = smtp.messages.find((m) => m.data.toString().includes(item.messageId));
    expect(sent?.data.toString()).not.toContain('hidden@example.test');
  });

  it('waits while the server is unreachable and files the copy once it is back', async () => {
    const { core: c, account } = await coreWithAccount({ port: proxy.port });
    proxy.refuse(true);
    const item = await submit(c, account.id, 'Server away');
    const waiting = await copyReaches(c, item.id, (s) => s.attempts >= 1);
    expect(waiting.sentCopy).toMatchObject({ state: 'pending', reason: { key: 'reason.imapUnreachable' } });
    expect(waiting.state).toBe('sent');
    expect(await copiesIn(SENT, item.messageId)).toHaveLength(0);
    proxy.refuse(false);
    await copyReaches(c, item.id, (s) => s.state === 'filed');
    expect(await copiesIn(SENT, item.messageId)).toHaveLength(1);
  });

  it('leaves exactly one copy when the line is cut after the APPEND reached the server but before its OK came back', async () => {
    const { core: c, account } = await coreWithAccount({ port: proxy.port });
    let cut = false;
    proxy.cutBeforeServerSends(/ OK \[APPENDUID /, () => (cut = true));
    const item = await submit(c, account.id, 'Cut after append');
    await copyReaches(c, item.id, (s) => s.state === 'filed');
    expect(cut).toBe(true);
    const copies = await copiesIn(SENT, item.messageId);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.flags).toContain('\\Seen');
  });

  it('appends nothing when the account says the server files sent mail itself', async () => {
    const { core: c, account } = await coreWithAccount({ port: proxy.port, sentCopy: 'server' });
    const item = await submit(c, account.id, 'Server files it');
    expect(item.sentCopy).toMatchObject({ state: 'skipped', reason: { key: 'reason.sentCopyServerSetting' } });
    await c.waitForState(item.id, 'sent', 30_000);
    expect(await copiesIn(SENT, item.messageId)).toHaveLength(0);
  });
});

describe('the Sent copy on a server that files sent mail itself', () => {
  let gmail: ScriptedImapServer;
  beforeAll(async () => {
    gmail = await startScriptedImapServer({ capabilities: [...MODERN_CAPABILITIES, 'X-GM-EXT-1'] });
  });
  afterAll(() => gmail?.close());

  it('detects Gmail (X-GM-EXT-1) in automatic mode and skips the copy, appending nothing', async () => {
    const { core: c, account } = await coreWithAccount({ port: gmail.port, username: 'ann', secret: 'correct horse battery staple' });
    const item = await submit(c, account.id, 'Gmail files it');
    const done = await copyReaches(c, item.id, (s) => s.state === 'skipped');
    expect(done.sentCopy?.reason).toEqual({ key: 'reason.sentCopyServerFiles' });
    expect(gmail.commands.some((line) => /\bAPPEND\b/i.test(line))).toBe(false);
    expect(gmail.logins.some((l) => l.ok)).toBe(true);
  });
});
