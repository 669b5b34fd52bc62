/**
 * Mailbox actions against a real Dovecot: made while the server cannot be
 * reached, shown at once, replayed in order when it returns, nothing done
 * twice; Undo after the server had a move; a message deleted elsewhere while
 * a local move waits becomes one conflict, not a storm. The server's state is
 * read with a second IMAP client.
 */
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, MailActionResult, MailList, MessageSummary, PendingActions } from '../../../shared/mail-model';
import type { Account } from '../../../shared/model';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { seedMaildir } from '../../../testing/dovecot/maildir-seed';
import { startTcpProxy, type TcpProxy } from '../../../testing/dovecot/tcp-proxy';
import { imapOptions } from '../imap/imap-options';
import { waitFor } from '../../../testing/harness/poll';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const TUNING = { minBackoffMs: 200, maxBackoffMs: 1_000, timeouts: { connect: 10_000, greeting: 10_000 } };
let dovecot: DovecotInstance;
let proxy: TcpProxy;

beforeAll(async () => {
  dovecot = await startDovecot();
  const subjects = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
  seedMaildir(dovecot.maildir, '', subjects.map((subject, i) => ({ subject, date: new Date(Date.now() - (i + 1) * 60_000) })), { uid: dovecot.uid, gid: dovecot.gid });
  proxy = await startTcpProxy(dovecot.port);
});

afterAll(async () => {
  await proxy?.close();
  await dovecot?.stop();
});


/** What the server holds, by subject: folder and flags. */
async function serverView(): Promise<Map<string, { path: string; flags: string[] }>> {
  const client = new ImapFlow(imapOptions({ host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, trustedCertificate: null }, { user: dovecot.user, pass: dovecot.password }));
  client.on('error', () => undefined);
  await client.connect();
  const view = new Map<string, { path: string; flags: string[] }>();
  try {
    for (const box of await client.list()) {
      if (box.flags.has('\\Noselect')) continue;
      const lock = await client.getMailboxLock(box.path, { readOnly: true });
      try {
        for (const m of await client.fetchAll('1:*', { envelope: true, flags: true }).catch(() => [])) {
          const subject = m.envelope?.subject ?? '';
          if (view.has(subject)) view.set(`${subject} (twice)`, { path: box.path, flags: [] });
          view.set(subject, { path: box.path, flags: [...(m.flags ?? [])].sort() });
        }
      } finally {
        lock.release();
      }
    }
  } finally {
    await client.logout();
  }
  return view;
}

let core: TestCore;
let inbox: Folder;
let rows: Map<string, MessageSummary>;

describe('mailbox actions on a real server', () => {
  it('made offline: shown at once, replayed in order when the server returns, nothing twice', async () => {
    core = await startTestCore({ sqlite: true, imap: TUNING });
    const account = await core.call<Account>('accounts.save', {
      name: 'Dovecot',
      fromAddress: 'reader@example.test',
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      incoming: { host: '127.0.0.1', port: proxy.port, security: 'none', username: dovecot.user, secret: dovecot.password },
    });
    inbox = (await waitFor(() => core.call<Folder[]>('mail.folders', {}), (f) => f.some((x) => x.accountId === account.id && x.role === 'inbox' && x.total === 6))).find(
      (x) => x.accountId === account.id && x.role === 'inbox',
    ) as Folder;
    const list = await core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 50 });
    rows = new Map(list.rows.map((r) => [r.subject, r]));
    const id = (subject: string) => rows.get(subject)!.id;

    proxy.refuse(true);
    proxy.cut();
    await core.call('mail.act', { kind: 'seen', ids: [id('Alpha'), id('Bravo')] });
    await core.call('mail.act', { kind: 'unseen', ids: [id('Bravo')] }); // cancels Bravo's seen
    await core.call('mail.act', { kind: 'flag', ids: [id('Charlie')] });
    await core.call('mail.act', { kind: 'archive', ids: [id('Delta')] });
    await core.call('mail.act', { kind: 'delete', ids: [id('Echo')] });

    // The window shows it all before the server knows anything.
    const now = await core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 50 });
    expect(now.rows.map((r) => r.subject).sort()).toEqual(['Alpha', 'Bravo', 'Charlie', 'Foxtrot']);
    expect(now.rows.find((r) => r.subject === 'Alpha')?.flags.seen).toBe(true);
    expect(now.rows.find((r) => r.subject === 'Charlie')?.flags.flagged).toBe(true);
    const waiting = (await core.call<PendingActions[]>('mail.actions', {})).find((p) => p.accountId === account.id);
    expect(waiting?.pending).toBe(4);
    expect((await serverView()).get('Delta')?.path).toBe('INBOX');

    proxy.refuse(false);
    core.resume();
    await waitFor(() => core.call<PendingActions[]>('mail.actions', {}), (p) => (p.find((x) => x.accountId === account.id)?.pending ?? 0) === 0);
    const server = await serverView();
    expect(server.get('Alpha')).toEqual({ path: 'INBOX', flags: ['\\Seen'] });
    expect(server.get('Bravo')).toEqual({ path: 'INBOX', flags: [] });
    expect(server.get('Charlie')).toEqual({ path: 'INBOX', flags: ['\\Flagged'] });
    expect(server.get('Delta')?.path).toBe('Archive');
    expect(server.get('Echo')?.path).toBe('Trash');
    expect([...server.keys()].filter((k) => k.includes('(twice)'))).toEqual([]);
    // The sync shows the server's view: Delta in Archive, not in Inbox twice.
    const archive = await waitFor(
      () => core.call<Folder[]>('mail.folders', {}).then((f) => f.find((x) => x.accountId === account.id && x.role === 'archive')),
      (f) => f?.total === 1,
    );
    expect(archive?.path).toBe('Archive');
    await waitFor(() => core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 50 }), (l) => l.total === 4);
  });

  it('Undo of a move the server already made brings the message back there', async () => {
    const archiveId = (await core.call<Folder[]>('mail.folders', {})).find((x) => x.role === 'archive' && x.accountId === inbox.accountId)!.id;
    const archived = (await core.call<MailList>('mail.list', { folderId: archiveId, offset: 0, limit: 10 })).rows[0]!;
    const moved = await core.call<MailActionResult>('mail.act', { kind: 'move', ids: [archived.id], folderId: inbox.id });
    await waitFor(() => serverView(), (s) => s.get('Delta')?.path === 'INBOX');
    await core.call('mail.undo', { actionId: moved.actionId });
    await waitFor(() => serverView(), (s) => s.get('Delta')?.path === 'Archive');
  });

  it('a message deleted elsewhere while a move waits: one conflict, nothing retried, the list corrected', async () => {
    const foxtrot = rows.get('Foxtrot')!;
    proxy.refuse(true);
    proxy.cut();
    await core.call('mail.act', { kind: 'archive', ids: [foxtrot.id] });
    // Another client deletes it meanwhile.
    const other = new ImapFlow(imapOptions({ host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, trustedCertificate: null }, { user: dovecot.user, pass: dovecot.password }));
    other.on('error', () => undefined);
    await other.connect();
    const lock = await other.getMailboxLock('INBOX');
    const uids = await other.search({ subject: 'Foxtrot' }, { uid: true });
    await other.messageDelete((uids || []).join(','), { uid: true });
    lock.release();
    await other.logout();

    proxy.refuse(false);
    core.resume();
    const status = await waitFor(
      () => core.call<PendingActions[]>('mail.actions', {}).then((p) => p.find((x) => x.accountId === inbox.accountId)),
      (p) => p?.pending === 0 && (p?.conflicts.length ?? 0) > 0,
    );
    expect(status?.conflicts).toHaveLength(1);
    expect(status?.conflicts[0]).toMatchObject({ kind: 'archive', count: 1, reason: { key: 'reason.actionMessagesGone' } });
    expect((await serverView()).has('Foxtrot')).toBe(false);
    await waitFor(() => core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 50 }), (l) => !l.rows.some((r) => r.subject === 'Foxtrot'));
    const after = await core.call<PendingActions>('mail.dismissConflicts', { accountId: inbox.accountId });
    expect(after.conflicts).toEqual([]);
    await core.close();
  });
});
