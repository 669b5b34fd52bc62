/**
 * The sync engine against a real Dovecot on loopback, driven through the real
 * core: initial sync, new mail through IDLE, flags and expunges from another
 * client, a UIDVALIDITY change, a line cut mid-sync, an offline start, IMAPS
 * with a pinned certificate. New mail is delivered by a second IMAP client's
 * APPEND. The figures go to the suite's last line (global-setup.ts).
 */
import { writeFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { Folder, MailChanged, MailList, MessageDetail, MessageSummary, SyncStatus } from '../../../shared/mail-model';
import type { Account } from '../../../shared/model';
import { figuresFile } from '../../../testing/dovecot/figures';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { seedMaildir, seedRaw, type SeedMessage } from '../../../testing/dovecot/maildir-seed';
import { startTcpProxy, type TcpProxy } from '../../../testing/dovecot/tcp-proxy';
import { startTestCore, tempDir, type TestCore } from '../../../testing/harness/test-core';
import { imapOptions } from './imap-options';
import { waitFor } from '../../../testing/harness/poll';
import { syncFailureReason } from './sync-failure';

const INBOX_COUNT = 300;
const BIG_COUNT = 1200;
const LAB_COUNT = 5;
/** Mail a hostile or broken sender could write: no boundary, 8-bit headers, a huge header, garbage, nothing at all. */
const ODD_MAIL = [
  Buffer.from('Subject: odd no boundary\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nstill text\r\n'),
  Buffer.concat([Buffer.from('Subject: odd 8bit \xe9t\xe9 '), Buffer.from([0xff, 0xfe]), Buffer.from('\r\nFrom: =?bogus?Q?x?= <@@>\r\n\r\nbody\r\n')]),
  Buffer.from(`Subject: odd huge header\r\nX-Long: ${'a'.repeat(200_000)}\r\nReferences: ${'<r@x> '.repeat(5000)}\r\n\r\nbody\r\n`),
  Buffer.from('\x00\x01\x02 not a message at all'),
  Buffer.from('Subject: odd nested\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/alternative; boundary=a\r\n\r\n--a\r\n--a--\r\n'),
];
const TUNING = { minBackoffMs: 200, maxBackoffMs: 1_000, timeouts: { connect: 10_000, greeting: 10_000 } };

let dovecot: DovecotInstance;
let proxy: TcpProxy;
const figures = { messages: 0, idleMs: -1 };

const recent = (count: number, prefix: string): SeedMessage[] =>
  Array.from({ length: count }, (_, i) => ({ subject: `${prefix} ${i + 1}`, date: new Date(Date.now() - (i + 1) * 60_000) }));

beforeAll(async () => {
  dovecot = await startDovecot();
  const owner = { uid: dovecot.uid, gid: dovecot.gid };
  seedMaildir(dovecot.maildir, '', recent(INBOX_COUNT, 'Inbox message'), owner);
  seedMaildir(dovecot.maildir, 'Big', recent(BIG_COUNT, 'Big message'), owner);
  seedMaildir(dovecot.maildir, 'Lab', recent(LAB_COUNT, 'Lab message'), owner);
  seedRaw(dovecot.maildir, 'Odd', ODD_MAIL, owner);
  proxy = await startTcpProxy(dovecot.port);
});

afterAll(async () => {
  await proxy?.close();
  await dovecot?.stop();
  writeFileSync(figuresFile(), `imap: messages=${figures.messages} idle_ms=${figures.idleMs}\n`);
});

async function coreWithAccount(userDataDir = tempDir()): Promise<{ core: TestCore; account: Account }> {
  const core = await startTestCore({ userDataDir, sqlite: true, imap: TUNING });
  const account = await core.call<Account>('accounts.save', {
    name: 'Dovecot',
    fromAddress: 'reader@example.test',
    host: '127.0.0.1',
    port: 2525,
    security: 'none',
    auth: { mechanism: 'none', username: '' },
    incoming: { host: '127.0.0.1', port: proxy.port, security: 'none', username: dovecot.user, secret: dovecot.password },
  });
  return { core, account };
}


const foldersOf = async (core: TestCore, accountId: string) => (await core.call<Folder[]>('mail.folders', {})).filter((f) => f.accountId === accountId);
const folderNamed = async (core: TestCore, accountId: string, path: string) => (await foldersOf(core, accountId)).find((f) => f.path === path);
const statusOf = async (core: TestCore, accountId: string) => (await core.call<SyncStatus[]>('mail.syncStatus', {})).find((s) => s.accountId === accountId);

async function allRows(core: TestCore, folderId: string): Promise<MessageSummary[]> {
  const rows: MessageSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await core.call<MailList>('mail.list', { folderId, offset, limit: 500 });
    rows.push(...page.rows);
    if (offset + 500 >= page.total) return rows;
  }
}

async function otherClient(): Promise<ImapFlow> {
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

const codeOf = async (p: Promise<unknown>) => ((await p.then(() => null, (e: { appError?: AppError }) => e.appError ?? null)) as AppError | null)?.code;

describe('IMAP sync against Dovecot', () => {
  let core: TestCore;
  let account: Account;

  afterAll(async () => {
    await core?.close();
  });

  it('syncs every folder with its role, resuming without twins or gaps after the line is cut mid-sync', async () => {
    ({ core, account } = await coreWithAccount());
    let cut = false;
    core.events.onAny((name, payload) => {
      if (cut || name !== 'mail:changed') return;
      const change = payload as MailChanged;
      void folderNamed(core, account.id, 'Big').then((big) => {
        if (!cut && big && change.folderId === big.id && change.added.length) {
          cut = true;
          proxy.cut();
        }
      });
    });
    const connectionsBefore = proxy.connections();
    const folders = await waitFor(
      () => foldersOf(core, account.id),
      (list) => list.find((f) => f.path === 'Big')?.total === BIG_COUNT && list.find((f) => f.path === 'INBOX')?.total === INBOX_COUNT && list.find((f) => f.path === 'Lab')?.total === LAB_COUNT,
      90_000,
    );
    expect(cut).toBe(true);
    expect(proxy.connections() - connectionsBefore).toBeGreaterThanOrEqual(2);
    expect(Object.fromEntries(folders.map((f) => [f.path, f.role]))).toMatchObject({ INBOX: 'inbox', Sent: 'sent', Drafts: 'drafts', Trash: 'trash', Junk: 'junk', Big: 'other', Lab: 'other' });

    const big = folders.find((f) => f.path === 'Big') as Folder;
    const rows = await allRows(core, big.id);
    const subjects = new Set(rows.map((r) => r.subject));
    expect(rows).toHaveLength(BIG_COUNT);
    expect(subjects.size).toBe(BIG_COUNT);
    for (let i = 1; i <= BIG_COUNT; i++) expect(subjects.has(`Big message ${i}`)).toBe(true);
    // Newest first, by the Date header.
    expect(rows.slice(0, 3).map((r) => r.subject)).toEqual(['Big message 1', 'Big message 2', 'Big message 3']);
    figures.messages = INBOX_COUNT + BIG_COUNT + LAB_COUNT + ODD_MAIL.length;

    const status = await waitFor(() => statusOf(core, account.id), (s) => s?.state === 'idle' && s.lastSyncAt !== null);
    expect(status?.error).toBeNull();
    expect(core.seen.some((e) => e.name === 'mail:sync' && (e.payload as SyncStatus).state === 'error')).toBe(true);
  });

  it('prefetches recent bodies so they open from disk, and opens an older one from the server on demand', async () => {
    const inbox = (await folderNamed(core, account.id, 'INBOX')) as Folder;
    const cached = await waitFor(
      () => core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 5 }),
      (l) => l.rows.every((r) => r.cached && r.preview !== ''),
    );
    const detail = await core.call<MessageDetail>('mail.get', { id: cached.rows[0]!.id });
    expect(detail.text).toContain('Body of Inbox message 1.');
    const big = (await folderNamed(core, account.id, 'Big')) as Folder;
    const last = await core.call<MailList>('mail.list', { folderId: big.id, offset: BIG_COUNT - 1, limit: 1 });
    expect(last.rows[0]?.cached).toBe(false);
    const fetched = await core.call<MessageDetail>('mail.get', { id: last.rows[0]!.id });
    expect(fetched.text).toContain(`Body of Big message ${BIG_COUNT}.`);
    expect((await core.call<MailList>('mail.list', { folderId: big.id, offset: BIG_COUNT - 1, limit: 1 })).rows[0]?.cached).toBe(true);
    expect((await core.call<MailList>('mail.list', { offset: 0, limit: 5, query: 'Big message 1200' })).rows.map((r) => r.id)).toContain(last.rows[0]!.id);
  });

  it('shows a message delivered while it runs (IDLE), then flags and an expunge from another client', async () => {
    const inbox = (await folderNamed(core, account.id, 'INBOX')) as Folder;
    await waitFor(() => statusOf(core, account.id), (s) => s?.state === 'idle');
    // Let the engine settle into IDLE on INBOX.
    await new Promise((r) => setTimeout(r, 1_000));
    const other = await otherClient();
    try {
      let arrivedAt = 0;
      let arrivedId = '';
      const unsubscribe = core.events.onAny((name, payload) => {
        const change = payload as MailChanged;
        if (name === 'mail:changed' && change.folderId === inbox.id && change.added.length && !arrivedAt) {
          arrivedAt = Date.now();
          arrivedId = change.added[0] as string;
        }
      });
      const appended = await other.append('INBOX', 'From: New <new@example.test>\r\nSubject: Fresh arrival\r\nMessage-ID: <fresh@example.test>\r\n\r\nJust now.\r\n');
      const deliveredAt = Date.now();
      // The arrival is the assertion; how long it took is a figure, not a test (a busy machine is slow).
      await waitFor(() => arrivedAt, (t) => t > 0, 30_000);
      unsubscribe();
      figures.idleMs = arrivedAt - deliveredAt;
      const top = await core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 1, unreadOnly: true });
      expect(top.rows[0]).toMatchObject({ id: arrivedId, subject: 'Fresh arrival' });

      await other.mailboxOpen('INBOX');
      await other.messageFlagsAdd(String(appended && appended.uid), ['\\Flagged', '\\Seen'], { uid: true });
      const flagged = await waitFor(
        () => core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 5, flaggedOnly: true }),
        (l) => l.rows.some((r) => r.id === arrivedId),
        10_000,
      );
      expect(flagged.rows.find((r) => r.id === arrivedId)?.flags).toMatchObject({ seen: true, flagged: true });
      // The event follows the write's flush, so it may come a moment after the list shows the change.
      await waitFor(() => core.seen.some((e) => e.name === 'mail:changed' && (e.payload as MailChanged).updated.includes(arrivedId)), (x) => x, 10_000);

      await other.messageDelete(String(appended && appended.uid), { uid: true });
      await waitFor(() => core.seen.some((e) => e.name === 'mail:changed' && (e.payload as MailChanged).removed.includes(arrivedId)), (x) => x, 10_000);
      expect(await codeOf(core.call('mail.get', { id: arrivedId }))).toBe('NOT_FOUND');
    } finally {
      await other.logout().catch(() => undefined);
    }
  });

  it('syncs and opens malformed mail without failing: each opens, broken MIME says so', async () => {
    const odd = await waitFor(() => folderNamed(core, account.id, 'Odd'), (f) => f?.total === ODD_MAIL.length);
    const rows = await allRows(core, odd!.id);
    expect(rows).toHaveLength(ODD_MAIL.length);
    const details = await Promise.all(rows.map((r) => core.call<MessageDetail>('mail.get', { id: r.id })));
    const bySubject = new Map(details.map((d) => [d.subject, d]));
    expect(bySubject.get('odd no boundary')?.problem?.key).toBe('reason.mailUnreadable');
    expect(bySubject.get('odd huge header')?.text).toContain('body');
    expect((await statusOf(core, account.id))?.error).toBeNull();
  });

  it('drops and refetches a folder whose UIDVALIDITY changed', async () => {
    const lab = (await folderNamed(core, account.id, 'Lab')) as Folder;
    const before = (await allRows(core, lab.id)).map((r) => r.id);
    expect(before).toHaveLength(LAB_COUNT);
    dovecot.doveadm(['mailbox', 'update', '-u', dovecot.user, '--uid-validity', '4242', 'Lab']);
    await core.call('mail.sync', { accountId: account.id });
    const after = await waitFor(
      () => allRows(core, lab.id),
      (rows) => rows.length === LAB_COUNT && rows.every((r) => !before.includes(r.id)),
    );
    expect(new Set(after.map((r) => r.subject)).size).toBe(LAB_COUNT);
    expect(core.seen.some((e) => e.name === 'mail:changed' && (e.payload as MailChanged).folderId === lab.id && (e.payload as MailChanged).removed.length === LAB_COUNT)).toBe(true);
  });

  it('starts offline with everything cached readable, says why it cannot sync, and reconnects when the network is back', async () => {
    const dir = core.userDataDir;
    await core.close();
    proxy.refuse(true);
    try {
      const again = await startTestCore({ userDataDir: dir, sqlite: true, imap: TUNING });
      core = again;
      const inbox = (await folderNamed(core, account.id, 'INBOX')) as Folder;
      expect(inbox.total).toBe(INBOX_COUNT);
      const rows = await allRows(core, inbox.id);
      expect(rows).toHaveLength(INBOX_COUNT);
      const first = rows[0] as MessageSummary;
      expect(first.cached).toBe(true);
      expect((await core.call<MessageDetail>('mail.get', { id: first.id })).text).toContain('Body of Inbox message 1.');
      const big = (await folderNamed(core, account.id, 'Big')) as Folder;
      const older = await core.call<MailList>('mail.list', { folderId: big.id, offset: BIG_COUNT - 2, limit: 1 });
      expect(older.rows[0]?.cached).toBe(false);
      expect(await codeOf(core.call('mail.get', { id: older.rows[0]!.id }))).toBe('NOT_CONNECTED');
      const failing = await waitFor(() => statusOf(core, account.id), (s) => s?.state === 'error');
      expect(failing?.error?.key).toBe('reason.imapUnreachable');

      core.setOnline(false);
      await waitFor(() => statusOf(core, account.id), (s) => s?.state === 'offline', 10_000);
      proxy.refuse(false);
      core.setOnline(true);
      core.resume();
      await waitFor(() => statusOf(core, account.id), (s) => s?.state === 'idle' && s.error === null, 30_000);
    } finally {
      proxy.refuse(false);
    }
  });

  it('refuses a wrong password with a login reason, and no event carries the password', async () => {
    const other = await startTestCore({ imap: TUNING });
    try {
      const saved = await other.call<Account>('accounts.save', {
        name: 'Wrong',
        fromAddress: 'reader@example.test',
        host: '127.0.0.1',
        port: 2525,
        security: 'none',
        auth: { mechanism: 'none', username: '' },
        incoming: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, secret: 'not the password' },
      });
      const status = await waitFor(() => statusOf(other, saved.id), (s) => s?.state === 'error', 30_000);
      expect(status?.error?.key).toBe('reason.imapLoginRefused');
      expect(JSON.stringify(other.seen)).not.toContain('not the password');
    } finally {
      await other.close();
    }
  });
});

describe('IMAPS', () => {
  it('connects with the certificate pinned by fingerprint, and names a TLS failure when it is not trusted', async () => {
    const { X509Certificate } = await import('node:crypto');
    const sha256 = new X509Certificate(dovecot.certificatePem).fingerprint256;
    const server = { host: '127.0.0.1', port: dovecot.tlsPort, security: 'tls' as const, username: dovecot.user, hasSecret: true, trustedCertificate: { sha256, pem: dovecot.certificatePem } };
    const pinned = new ImapFlow(imapOptions(server, { user: dovecot.user, pass: dovecot.password }));
    pinned.on('error', () => undefined);
    await pinned.connect();
    expect(pinned.secureConnection).toBe(true);
    await pinned.logout();

    const untrusted = new ImapFlow(imapOptions({ ...server, trustedCertificate: null }, { user: dovecot.user, pass: dovecot.password }, { connect: 5_000, greeting: 5_000 }));
    untrusted.on('error', () => undefined);
    const error = await untrusted.connect().then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    expect(syncFailureReason(error).key).toBe('reason.imapTls');
  });
});
