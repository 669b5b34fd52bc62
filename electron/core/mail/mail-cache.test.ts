import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MailListRequestSchema, type MailListRequest } from '../../../shared/mail-model';
import { folderIdFor } from './ids';
import { openMailCache, type MailCache } from './mail-cache';
import type { NewMessage } from './message-rows';

const ACCOUNT = 'account-1234';
const INBOX = folderIdFor(ACCOUNT, 'INBOX');
const opened: MailCache[] = [];

function fresh(dir = mkdtempSync(join(tmpdir(), 'mail-cache-'))): { cache: MailCache; file: string } {
  const file = join(dir, 'mail.sqlite');
  const cache = openMailCache(file);
  opened.push(cache);
  return { cache, file };
}

afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

const message = (uid: number, over: Partial<NewMessage> = {}): NewMessage => ({
  uid,
  messageId: `m${uid}@example.test`,
  subject: `Subject ${uid}`,
  from: { name: `Sender ${uid}`, address: `s${uid}@example.test` },
  to: [{ address: 'me@example.test' }],
  cc: [],
  replyTo: [],
  inReplyTo: '',
  references: [],
  date: Date.UTC(2026, 0, 1) + uid * 60_000,
  size: 1000 + uid,
  flags: { seen: uid % 2 === 0, flagged: uid % 5 === 0, answered: false, draft: false },
  hasAttachments: false,
  ...over,
});

const request = (r: MailListRequest) => MailListRequestSchema.parse(r);

async function withInbox(cache: MailCache, count: number, over: (uid: number) => Partial<NewMessage> = () => ({})) {
  await cache.setFolders(ACCOUNT, [{ id: INBOX, accountId: ACCOUNT, path: 'INBOX', name: 'INBOX', delimiter: '/', role: 'inbox', selectable: true }]);
  return cache.addMessages(INBOX, 7, Array.from({ length: count }, (_, i) => message(i + 1, over(i + 1))));
}

describe('mail cache', () => {
  it('keeps what was committed across a reopen, and adds a message seen twice once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mail-cache-'));
    const first = fresh(dir).cache;
    const added = await withInbox(first, 3);
    expect(added).toHaveLength(3);
    expect(await first.addMessages(INBOX, 7, [message(2), message(4)])).toHaveLength(1);
    first.close();
    const again = fresh(dir).cache;
    expect(again.uidsOf(INBOX)).toEqual([1, 2, 3, 4]);
    expect(again.folders()).toMatchObject([{ id: INBOX, role: 'inbox', total: 4, unread: 2 }]);
  });

  it('answers a window sorted and filtered in SQL, with the total', async () => {
    const { cache } = fresh();
    await withInbox(cache, 50);
    const page = cache.list(request({ folderId: INBOX, offset: 10, limit: 5 }), () => false);
    expect(page.total).toBe(50);
    expect(page.rows.map((r) => r.subject)).toEqual(['Subject 40', 'Subject 39', 'Subject 38', 'Subject 37', 'Subject 36']);
    const bySize = cache.list(request({ folderId: INBOX, offset: 0, limit: 2, sort: 'size', descending: false }), () => false);
    expect(bySize.rows.map((r) => r.size)).toEqual([1001, 1002]);
    const unread = cache.list(request({ folderId: INBOX, offset: 0, limit: 100, unreadOnly: true }), () => false);
    expect(unread.total).toBe(25);
    expect(unread.rows.every((r) => !r.flags.seen)).toBe(true);
    const flagged = cache.list(request({ folderId: INBOX, offset: 0, limit: 100, flaggedOnly: true }), () => false);
    expect(flagged.rows.map((r) => r.subject).sort()).toEqual(['Subject 10', 'Subject 15', 'Subject 20', 'Subject 25', 'Subject 30', 'Subject 35', 'Subject 40', 'Subject 45', 'Subject 5', 'Subject 50']);
  });

  it('sorts by sender and by subject without reply prefixes', async () => {
    const { cache } = fresh();
    await withInbox(cache, 3, (uid) => ({ subject: ['Re: banana', 'apple', 'cherry'][uid - 1], from: { name: ['Zed', 'amy', 'Bob'][uid - 1] as string, address: `x${uid}@t.test` } }));
    const bySubject = cache.list(request({ folderId: INBOX, offset: 0, limit: 5, sort: 'subject', descending: false }), () => false);
    expect(bySubject.rows.map((r) => r.subject)).toEqual(['apple', 'Re: banana', 'cherry']);
    const byFrom = cache.list(request({ folderId: INBOX, offset: 0, limit: 5, sort: 'from', descending: false }), () => false);
    expect(byFrom.rows.map((r) => r.from?.name)).toEqual(['amy', 'Bob', 'Zed']);
  });

  it('groups conversations by References / In-Reply-To, newest message first', async () => {
    const { cache } = fresh();
    await withInbox(cache, 5, (uid) =>
      uid === 2 ? { inReplyTo: 'm1@example.test', references: ['m1@example.test'] } : uid === 4 ? { inReplyTo: 'm2@example.test', references: ['m1@example.test', 'm2@example.test'] } : {},
    );
    const threads = cache.list(request({ folderId: INBOX, offset: 0, limit: 10, threads: true }), () => false);
    expect(threads.total).toBe(3);
    expect(threads.rows.map((r) => [r.subject, r.threadSize])).toEqual([
      ['Subject 5', 1],
      ['Subject 4', 3],
      ['Subject 3', 1],
    ]);
  });

  it('groups what a filter or another sort leaves: each conversation by its newest passing message, counted by those', async () => {
    const { cache } = fresh();
    // 1 ← 2 ← 4 is one conversation; uids 2 and 4 are read (even), so "unread only" leaves 1 alone in it.
    await withInbox(cache, 6, (uid) =>
      uid === 2 ? { inReplyTo: 'm1@example.test', references: ['m1@example.test'] } : uid === 4 ? { inReplyTo: 'm2@example.test', references: ['m1@example.test', 'm2@example.test'] } : {},
    );
    const unread = cache.list(request({ folderId: INBOX, offset: 0, limit: 10, threads: true, unreadOnly: true }), () => false);
    expect(unread.total).toBe(3);
    expect(unread.rows.map((r) => [r.subject, r.threadSize])).toEqual([
      ['Subject 5', 1],
      ['Subject 3', 1],
      ['Subject 1', 1],
    ]);
    const bySubject = cache.list(request({ folderId: INBOX, offset: 1, limit: 2, threads: true, sort: 'subject', descending: false }), () => false);
    expect(bySubject.total).toBe(4);
    expect(bySubject.rows.map((r) => [r.subject, r.threadSize])).toEqual([
      ['Subject 4', 3],
      ['Subject 5', 1],
    ]);
  });

  it('opens a file of the first layout (version 1) and moves it on without losing a message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mail-cache-'));
    const first = fresh(dir);
    await withInbox(first.cache, 4, (uid) => (uid === 3 ? { inReplyTo: 'm1@example.test', references: ['m1@example.test'] } : {}));
    // Back to how version 1 left it: its conversation index, its version number.
    first.cache.db.exec('DROP INDEX messages_thread_date; CREATE INDEX messages_thread ON messages (folder_id, thread_id);');
    first.cache.db.pragma('user_version = 1');
    opened.splice(opened.indexOf(first.cache), 1);
    first.cache.close();
    const again = fresh(dir).cache;
    expect(again.db.pragma('user_version', { simple: true })).toBe(2);
    const indexes = (again.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('messages_thread_date');
    expect(indexes).not.toContain('messages_thread');
    const threads = again.list(request({ folderId: INBOX, offset: 0, limit: 10, threads: true }), () => false);
    expect(threads.rows.map((r) => [r.subject, r.threadSize])).toEqual([
      ['Subject 4', 1],
      ['Subject 3', 2],
      ['Subject 2', 1],
    ]);
  });

  it('finds messages by sender, recipient, subject and body text, as a prefix while typing', async () => {
    const { cache } = fresh();
    const ids = await withInbox(cache, 4, (uid) => (uid === 3 ? { subject: 'Quarterly figures', to: [{ name: 'Ирина', address: 'irina@example.test' }] } : {}));
    await cache.setBody(ids[0] as string, 'a'.repeat(64), 'preview', 'the invoice for the lighthouse');
    const search = (query: string, folderId?: string) => cache.list(request({ ...(folderId ? { folderId } : {}), offset: 0, limit: 10, query }), () => false).rows.map((r) => r.subject);
    expect(search('quarter')).toEqual(['Quarterly figures']);
    expect(search('ирин')).toEqual(['Quarterly figures']);
    expect(search('lighthouse', INBOX)).toEqual(['Subject 1']);
    expect(search('s2@example.test')).toEqual(['Subject 2']);
    expect(search('"unbalanced (quote OR')).toEqual([]);
    expect(search('***')).toEqual([]);
  });

  it('applies flag changes and removals, and reports only what changed', async () => {
    const { cache } = fresh();
    const ids = await withInbox(cache, 3);
    const changed = await cache.updateFlags(INBOX, [
      { uid: 1, flags: { seen: true, flagged: false, answered: true, draft: false } },
      { uid: 2, flags: { seen: true, flagged: false, answered: false, draft: false } },
    ]);
    expect(changed).toEqual([ids[0]]);
    expect(await cache.removeUids(INBOX, [3, 99])).toEqual([ids[2]]);
    expect(cache.uidsOf(INBOX)).toEqual([1, 2]);
  });

  it('drops a folder’s messages when its UIDVALIDITY changes, index entries included', async () => {
    const { cache } = fresh();
    await withInbox(cache, 3);
    expect(await cache.resetFolder(INBOX, 8)).toHaveLength(3);
    expect(cache.folder(INBOX)?.uidValidity).toBe(8);
    expect(cache.list(request({ offset: 0, limit: 10, query: 'Subject' }), () => false).total).toBe(0);
  });

  it('sets a damaged row aside and still lists the others', async () => {
    const set: string[] = [];
    const file = join(mkdtempSync(join(tmpdir(), 'mail-cache-')), 'mail.sqlite');
    const cache = openMailCache(file, (row) => set.push(row.id));
    opened.push(cache);
    const ids = await withInbox(cache, 3);
    cache.db.prepare("UPDATE messages SET to_json = '{not json' WHERE id = ?").run(ids[1]);
    const page = cache.list(request({ folderId: INBOX, offset: 0, limit: 10 }), () => false);
    expect(page.rows.map((r) => r.id)).toEqual([ids[2], ids[0]]);
    expect(page.total).toBe(2);
    expect(set).toEqual([ids[1]]);
    expect(cache.quarantined().map((r) => r.id)).toEqual([ids[1]]);
    expect(cache.row(ids[1] as string)).toBeUndefined();
  });

  it('remembers remote-content consent for a message or for a sender', async () => {
    const { cache } = fresh();
    await cache.allowRemote('sender', 'news@example.test');
    await cache.allowRemote('message', 'mABCDEFGH');
    expect(cache.remoteAllowed('mOTHER123', 'News@Example.test')).toBe(true);
    expect(cache.remoteAllowed('mABCDEFGH', null)).toBe(true);
    expect(cache.remoteAllowed('mOTHER123', 'else@example.test')).toBe(false);
  });
});
