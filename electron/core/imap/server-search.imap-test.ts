/**
 * Server SEARCH against the real Dovecot: a message that is on the server but
 * not in the cache (appended to a folder after its sync; only IDLE's INBOX
 * would have seen it) is found by mail.searchServer, its headers and body
 * cached, and then the local search lists it. Offline, the core says so.
 */
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, MailList, ServerSearchResult, SyncStatus } from '../../../shared/mail-model';
import type { Account } from '../../../shared/model';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { seedMaildir } from '../../../testing/dovecot/maildir-seed';
import { waitFor } from '../../../testing/harness/poll';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let dovecot: DovecotInstance;
let core: TestCore | undefined;

beforeAll(async () => {
  dovecot = await startDovecot();
  const messages = Array.from({ length: 20 }, (_, i) => ({ subject: `Archive message ${i + 1}`, date: new Date(Date.now() - (i + 1) * 3_600_000) }));
  seedMaildir(dovecot.maildir, 'Archive', messages, { uid: dovecot.uid, gid: dovecot.gid });
});

afterAll(async () => {
  await core?.close();
  await dovecot?.stop();
});


describe('server search', () => {
  it('finds a message the cache does not have, caches it, and local search then lists it', async () => {
    core = await startTestCore({ sqlite: true, imap: { minBackoffMs: 200, maxBackoffMs: 1_000 } });
    const account = await core.call<Account>('accounts.save', {
      name: 'Dovecot',
      fromAddress: 'reader@example.test',
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      incoming: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, secret: dovecot.password },
    });
    const archive = (await waitFor(
      async () => (await core!.call<Folder[]>('mail.folders', {})).find((f) => f.accountId === account.id && f.path === 'Archive'),
      (f) => f !== undefined,
    ))!;
    await waitFor(() => core!.call<MailList>('mail.list', { folderId: archive.id, offset: 0, limit: 1 }), (l) => l.total === 20);
    await waitFor(async () => (await core!.call<SyncStatus[]>('mail.syncStatus', {})).find((s) => s.accountId === account.id), (s) => s?.state === 'idle' && s.lastSyncAt !== null);

    // Delivered by another client into a folder the engine does not watch: on the server, not in the cache.
    const other = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    other.on('error', () => undefined);
    await other.connect();
    const raw = ['From: Zoe <zoe@example.test>', 'To: reader@example.test', 'Subject: Quarterly figures', 'Message-ID: <server-only@example.test>', `Date: ${new Date().toUTCString()}`, '', 'The word is xylophonic and nowhere else.', ''].join('\r\n');
    await other.append('Archive', raw);
    await other.logout();

    const local = () => core!.call<MailList>('mail.list', { offset: 0, limit: 10, query: 'xylophonic' });
    expect((await local()).total).toBe(0);

    const asked = await core.call<ServerSearchResult>('mail.searchServer', { folderId: archive.id, query: 'xylophonic' });
    expect(asked).toEqual({ state: 'done', found: 1, fetched: 1 });
    const found = await waitFor(local, (l) => l.total === 1);
    expect(found.rows[0]?.subject).toBe('Quarterly figures');
    expect(found.rows[0]?.cached).toBe(true);
    // Asked again, nothing more is fetched: it is in the cache now.
    expect(await core.call<ServerSearchResult>('mail.searchServer', { folderId: archive.id, query: 'xylophonic' })).toEqual({ state: 'done', found: 1, fetched: 0 });

    // Offline: the server is not asked, and the answer says so.
    await dovecot.stop();
    const offline = await waitFor(
      () => core!.call<ServerSearchResult>('mail.searchServer', { folderId: archive.id, query: 'figures' }),
      (r) => r.state === 'offline',
    );
    expect(offline).toEqual({ state: 'offline', found: 0, fetched: 0 });
  });
});
