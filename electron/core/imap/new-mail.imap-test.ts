/**
 * New mail notices against a real Dovecot, through the real core: the
 * account's first sync of an Inbox full of unread mail announces nothing; a
 * message appended afterwards by another client is announced once, one
 * appended already read is not, and mail that came while the app was closed
 * is announced after the restart (the folder's state survives it).
 */
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, NewMail, SyncStatus } from '../../../shared/mail-model';
import type { Account } from '../../../shared/model';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { seedMaildir } from '../../../testing/dovecot/maildir-seed';
import { waitFor } from '../../../testing/harness/poll';
import { startTestCore, tempDir, type TestCore } from '../../../testing/harness/test-core';

const TUNING = { minBackoffMs: 200, maxBackoffMs: 1_000, timeouts: { connect: 10_000, greeting: 10_000 } };
let dovecot: DovecotInstance;

beforeAll(async () => {
  dovecot = await startDovecot();
  const old = Array.from({ length: 4 }, (_, i) => ({ subject: `Old unread ${i + 1}`, date: new Date(Date.now() - (i + 1) * 3_600_000) }));
  seedMaildir(dovecot.maildir, '', old, { uid: dovecot.uid, gid: dovecot.gid });
});

afterAll(async () => {
  await dovecot?.stop();
});


const inboxOf = async (core: TestCore, accountId: string) =>
  (await core.call<Folder[]>('mail.folders', {})).find((f) => f.accountId === accountId && f.role === 'inbox');
const idle = async (core: TestCore, accountId: string) =>
  waitFor(() => core.call<SyncStatus[]>('mail.syncStatus', {}), (all) => all.find((s) => s.accountId === accountId)?.state === 'idle');
const notices = (core: TestCore) => core.seen.filter((e) => e.name === 'mail:newMail').map((e) => e.payload as NewMail);

async function append(raw: string, flags: string[] = []): Promise<void> {
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.append('INBOX', raw, flags);
  } finally {
    await client.logout();
  }
}

describe('mail:newMail against Dovecot', () => {
  const userDataDir = tempDir();
  let core: TestCore | null = null;
  let account: Account;

  afterAll(async () => {
    await core?.close();
  });

  it('announces nothing for the first sync, then exactly the unread message appended afterwards', async () => {
    core = await startTestCore({ userDataDir, sqlite: true, imap: TUNING });
    account = await core.call<Account>('accounts.save', {
      name: 'Dovecot',
      fromAddress: 'reader@example.test',
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      incoming: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, secret: dovecot.password },
    });
    const c = core;
    await waitFor(() => inboxOf(c, account.id), (f) => f?.total === 4 && f.unread === 4);
    await idle(c, account.id);
    expect(notices(c)).toEqual([]);

    // Read already on another device: new, but nothing to announce.
    await append('From: Seen <seen@example.test>\r\nSubject: Read elsewhere\r\nMessage-ID: <seen@example.test>\r\n\r\nx\r\n', ['\\Seen']);
    await append('From: Grace <grace@example.test>\r\nSubject: Fresh arrival\r\nMessage-ID: <fresh@example.test>\r\n\r\nJust now.\r\n');
    const inbox = await waitFor(() => inboxOf(c, account.id), (f) => f?.total === 6);
    await waitFor(() => notices(c).reduce((n, m) => n + m.count, 0), (n) => n >= 1, 15_000);
    await idle(c, account.id);
    const all = notices(c);
    expect(all.reduce((n, m) => n + m.count, 0)).toBe(1);
    expect(all.flatMap((m) => m.latest.map((l) => l.subject))).toEqual(['Fresh arrival']);
    expect(all[all.length - 1]).toMatchObject({ accountId: account.id, folderId: inbox!.id });
  });

  it('after a restart, announces the mail that came while the app was closed, and not the mail it already had', async () => {
    await core?.close();
    core = null;
    await append('From: Ada <ada@example.test>\r\nSubject: While you were away\r\nMessage-ID: <away@example.test>\r\n\r\nHello.\r\n');
    core = await startTestCore({ userDataDir, sqlite: true, imap: TUNING });
    const c = core;
    await waitFor(() => inboxOf(c, account.id), (f) => f?.total === 7);
    await waitFor(() => notices(c).length, (n) => n >= 1, 15_000);
    await idle(c, account.id);
    const all = notices(c);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ count: 1, latest: [{ subject: 'While you were away', from: { address: 'ada@example.test' } }] });
  });
});
