/**
 * mail.sqlite: folders, message headers and flags, the full-text index and
 * remote-content consent. Same discipline as the outbox store: WAL, writes in
 * group commits whose log is flushed before a write is reported done. Reads
 * are synchronous and see committed data. Only this module knows the layout.
 */
import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Folder, FolderRole, MailList, MailListRequestSchema, MessageFlags, MessageSummary } from '../../../shared/mail-model';
import { failure } from '../../../shared/i18n/reason';
import { GroupCommit } from '../db/group-commit';
import { messageIdFor } from './ids';
import type { BodyRowRef } from './body-eviction';
import { listSql, type ReportsView } from './list-query';
import { foldersWithReports } from './reports-view';
import { MAIL_MIGRATIONS, MAIL_SCHEMA, MAIL_SCHEMA_VERSION } from './mail-schema';
import { DamagedRow, SUMMARY_COLUMNS, fromSortKey, subjectSortKey, threadKey, toSummary, type MessageRow, type NewMessage } from './message-rows';

export interface FolderInfo {
  id: string;
  accountId: string;
  path: string;
  name: string;
  delimiter: string | null;
  role: FolderRole;
  selectable: boolean;
}

export interface FolderState {
  uidValidity: number | null;
  uidNext: number | null;
  highestModseq: string | null;
}

export interface FlagUpdate {
  uid: number;
  flags: MessageFlags;
  modseq?: string | null;
}

export interface SetAsideRow {
  id: string;
  reason: string;
}

type FolderRow = { id: string; account_id: string; path: string; name: string; delimiter: string | null; role: FolderRole; selectable: number; uidvalidity: number | null; uidnext: number | null; highestmodseq: string | null };

export class MailCache {
  readonly commit: GroupCommit;
  private readonly sql;
  /** How delivery reports are listed; null until reports/report-messages.ts has its table (and in tests without it). */
  reportsView: ReportsView | null = null;
  /** SQL naming messages moved away by a queued action (mail/action-rows.ts); null without that table. */
  movedIds: string | null = null;
  /** Messages whose flags a queued action set: a sync does not put the server's older flags back on them. */
  protectedIds: () => ReadonlySet<string> = () => new Set();

  constructor(
    readonly db: Database.Database,
    file: string,
    /** A row that could not be read was set aside. */
    private readonly onSetAside: (row: SetAsideRow) => void = () => undefined,
  ) {
    this.commit = new GroupCommit(db, `${file}-wal`);
    this.sql = {
      folders: db.prepare<[], FolderRow & { total: number; unread: number }>(
        `SELECT f.*, (SELECT count(*) FROM messages m WHERE m.folder_id = f.id) AS total,
                     (SELECT count(*) FROM messages m WHERE m.folder_id = f.id AND m.seen = 0) AS unread
           FROM folders f ORDER BY f.account_id, CASE f.role WHEN 'inbox' THEN 0 WHEN 'other' THEN 2 ELSE 1 END, f.path`,
      ),
      folder: db.prepare<[string], FolderRow>('SELECT * FROM folders WHERE id = ?'),
      foldersOf: db.prepare<[string], FolderRow>('SELECT * FROM folders WHERE account_id = ?'),
      upsertFolder: db.prepare(
        `INSERT INTO folders (id, account_id, path, name, delimiter, role, selectable) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, delimiter = excluded.delimiter, role = excluded.role, selectable = excluded.selectable`,
      ),
      deleteFolder: db.prepare<[string]>('DELETE FROM folders WHERE id = ?'),
      setState: db.prepare('UPDATE folders SET uidvalidity = ?, uidnext = ?, highestmodseq = ? WHERE id = ?'),
      rowidsOfFolder: db.prepare<[string], { rowid: number; id: string }>('SELECT rowid, id FROM messages WHERE folder_id = ?'),
      deleteMessagesOf: db.prepare<[string]>('DELETE FROM messages WHERE folder_id = ?'),
      uids: db.prepare<[string], { uid: number }>('SELECT uid FROM messages WHERE folder_id = ? ORDER BY uid'),
      idsOf: db.prepare<[string], { id: string }>('SELECT id FROM messages WHERE folder_id = ? ORDER BY uid'),
      insertMessage: db.prepare(
        `INSERT OR IGNORE INTO messages (id, folder_id, uid, message_id, subject, subject_sort, from_json, from_sort, to_json, cc_json, reply_to_json,
           in_reply_to, references_json, date, size, seen, flagged, answered, draft, has_attachments, thread_id, preview, body_sha, modseq)
         VALUES (@id, @folder_id, @uid, @message_id, @subject, @subject_sort, @from_json, @from_sort, @to_json, @cc_json, @reply_to_json,
           @in_reply_to, @references_json, @date, @size, @seen, @flagged, @answered, @draft, @has_attachments, @thread_id, '', NULL, @modseq)`,
      ),
      insertFts: db.prepare('INSERT INTO messages_fts (rowid, senders, recipients, subject, body) VALUES (?, ?, ?, ?, ?)'),
      deleteFts: db.prepare<[number]>('DELETE FROM messages_fts WHERE rowid = ?'),
      byUid: db.prepare<[string, number], { rowid: number; id: string; seen: number; flagged: number; answered: number; draft: number }>(
        'SELECT rowid, id, seen, flagged, answered, draft FROM messages WHERE folder_id = ? AND uid = ?',
      ),
      setFlags: db.prepare('UPDATE messages SET seen = ?, flagged = ?, answered = ?, draft = ?, modseq = ? WHERE rowid = ?'),
      deleteRow: db.prepare<[number]>('DELETE FROM messages WHERE rowid = ?'),
      row: db.prepare<[string], MessageRow>(`SELECT ${SUMMARY_COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?`),
      setBody: db.prepare('UPDATE messages SET body_sha = ?, preview = ? WHERE id = ?'),
      uncached: db.prepare<[string, number, number, number], { uid: number; id: string }>(
        'SELECT uid, id FROM messages WHERE folder_id = ? AND body_sha IS NULL AND date >= ? AND size <= ? ORDER BY date DESC LIMIT ?',
      ),
      bodies: db.prepare<[], { body_sha: string }>('SELECT DISTINCT body_sha FROM messages WHERE body_sha IS NOT NULL'),
      addConsent: db.prepare('INSERT OR IGNORE INTO remote_consent (scope, key, at) VALUES (?, ?, ?)'),
      hasConsent: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM remote_consent WHERE scope = ? AND key = ?'),
      putQuarantine: db.prepare('INSERT OR REPLACE INTO mail_quarantine (id, at, reason, row) VALUES (?, ?, ?, ?)'),
      quarantine: db.prepare<[], { id: string; reason: string }>('SELECT id, reason FROM mail_quarantine ORDER BY at, id'),
    };
  }

  // Folders.
  folders(): Folder[] {
    // Reports hidden from Inbox leave its counts too; their own folder, when wanted, counts them all.
    const folders = foldersWithReports(this.db, this.reportsView, this.sql.folders.all().map((r) => ({ ...folderOf(r), total: r.total, unread: r.unread })));
    if (!this.movedIds) return folders;
    const moved = this.db
      .prepare<[], { folder_id: string; total: number; unread: number | null }>(`SELECT folder_id, count(*) AS total, sum(seen = 0) AS unread FROM messages WHERE id IN (${this.movedIds}) GROUP BY folder_id`)
      .all();
    if (!moved.length) return folders;
    return folders.map((f) => {
      const less = moved.find((m) => m.folder_id === f.id);
      return less ? { ...f, total: f.total - less.total, unread: f.unread - (less.unread ?? 0) } : f;
    });
  }
  folder(id: string): (FolderInfo & FolderState) | undefined {
    const r = this.sql.folder.get(id);
    return r ? { ...folderOf(r), uidValidity: r.uidvalidity, uidNext: r.uidnext, highestModseq: r.highestmodseq } : undefined;
  }
  foldersOf(accountId: string): (FolderInfo & FolderState)[] {
    return this.sql.foldersOf.all(accountId).map((r) => ({ ...folderOf(r), uidValidity: r.uidvalidity, uidNext: r.uidnext, highestModseq: r.highestmodseq }));
  }
  /** The account's folders become `list`: new ones added, changed ones updated, gone ones removed with their messages. */
  setFolders(accountId: string, list: readonly FolderInfo[]): Promise<{ removed: string[] }> {
    return this.commit.write(() => {
      const keep = new Set(list.map((f) => f.id));
      const removed = this.sql.foldersOf.all(accountId).filter((f) => !keep.has(f.id)).map((f) => f.id);
      for (const id of removed) {
        this.dropMessagesOf(id);
        this.sql.deleteFolder.run(id);
      }
      for (const f of list) this.sql.upsertFolder.run(f.id, f.accountId, f.path, f.name, f.delimiter, f.role, f.selectable ? 1 : 0);
      return { removed };
    });
  }
  setFolderState(folderId: string, state: FolderState): Promise<void> {
    return this.commit.write(() => {
      this.sql.setState.run(state.uidValidity, state.uidNext, state.highestModseq, folderId);
    });
  }
  /** The server's UIDs were renumbered (UIDVALIDITY changed): every cached message of the folder is void. */
  resetFolder(folderId: string, uidValidity: number): Promise<string[]> {
    return this.commit.write(() => {
      const removed = this.dropMessagesOf(folderId);
      this.sql.setState.run(uidValidity, null, null, folderId);
      return removed;
    });
  }
  private dropMessagesOf(folderId: string): string[] {
    const rows = this.sql.rowidsOfFolder.all(folderId);
    for (const r of rows) this.sql.deleteFts.run(r.rowid);
    this.sql.deleteMessagesOf.run(folderId);
    return rows.map((r) => r.id);
  }

  // Messages.
  idsOf(folderId: string): string[] {
    return this.sql.idsOf.all(folderId).map((r) => r.id);
  }
  uidsOf(folderId: string): number[] {
    return this.sql.uids.all(folderId).map((r) => r.uid);
  }
  /** Adds what is not there yet; returns the ids added (a message seen twice is added once). */
  addMessages(folderId: string, uidValidity: number, messages: readonly NewMessage[]): Promise<string[]> {
    return this.commit.write(() => {
      const added: string[] = [];
      for (const m of messages) {
        const id = messageIdFor(folderId, uidValidity, m.uid);
        const result = this.sql.insertMessage.run({
          id,
          folder_id: folderId,
          uid: m.uid,
          message_id: m.messageId,
          subject: m.subject,
          subject_sort: subjectSortKey(m.subject),
          from_json: m.from ? JSON.stringify(m.from) : null,
          from_sort: fromSortKey(m.from),
          to_json: JSON.stringify(m.to),
          cc_json: JSON.stringify(m.cc),
          reply_to_json: JSON.stringify(m.replyTo),
          in_reply_to: m.inReplyTo,
          references_json: JSON.stringify(m.references),
          date: m.date,
          size: m.size,
          seen: m.flags.seen ? 1 : 0,
          flagged: m.flags.flagged ? 1 : 0,
          answered: m.flags.answered ? 1 : 0,
          draft: m.flags.draft ? 1 : 0,
          has_attachments: m.hasAttachments ? 1 : 0,
          thread_id: threadKey(m.messageId, m.inReplyTo, m.references, id),
          modseq: m.modseq ?? null,
        });
        if (result.changes === 0) continue;
        this.sql.insertFts.run(result.lastInsertRowid, addressText(m.from ? [m.from] : []), addressText([...m.to, ...m.cc]), m.subject, '');
        added.push(id);
      }
      return added;
    });
  }
  /** Returns the ids whose flags really changed. */
  updateFlags(folderId: string, updates: readonly FlagUpdate[]): Promise<string[]> {
    return this.commit.write(() => {
      const changed: string[] = [];
      const mine = this.protectedIds();
      for (const u of updates) {
        const r = this.sql.byUid.get(folderId, u.uid);
        if (!r || mine.has(r.id)) continue;
        const f = u.flags;
        if (r.seen === +f.seen && r.flagged === +f.flagged && r.answered === +f.answered && r.draft === +f.draft) continue;
        this.sql.setFlags.run(+f.seen, +f.flagged, +f.answered, +f.draft, u.modseq ?? null, r.rowid);
        changed.push(r.id);
      }
      return changed;
    });
  }
  removeUids(folderId: string, uids: readonly number[]): Promise<string[]> {
    return this.commit.write(() => {
      const removed: string[] = [];
      for (const uid of uids) {
        const r = this.sql.byUid.get(folderId, uid);
        if (!r) continue;
        this.sql.deleteFts.run(r.rowid);
        this.sql.deleteRow.run(r.rowid);
        removed.push(r.id);
      }
      return removed;
    });
  }
  row(id: string): MessageRow | undefined {
    return this.sql.row.get(id);
  }
  /** The body's file must already be on disk (BodyFiles.put): the row names it only afterwards. */
  setBody(id: string, sha: string, preview: string, bodyText: string): Promise<void> {
    return this.commit.write(() => {
      const r = this.sql.row.get(id);
      if (!r) return;
      this.sql.setBody.run(sha, preview, id);
      // Contentless index: a row's terms are replaced whole.
      this.sql.deleteFts.run(r.rowid);
      let senders = '';
      let recipients = '';
      try {
        senders = addressText(r.from_json ? [JSON.parse(r.from_json)] : []);
        recipients = addressText([...JSON.parse(r.to_json), ...JSON.parse(r.cc_json)]);
      } catch {
        // A damaged row keeps what can be indexed; the list sets it aside when read.
      }
      this.sql.insertFts.run(r.rowid, senders, recipients, r.subject, bodyText);
    });
  }
  /** Recent messages whose bodies are not on disk yet: the prefetch's work list, newest first. */
  uncachedRecent(folderId: string, since: number, maxSize: number, limit: number): { uid: number; id: string }[] {
    return this.sql.uncached.all(folderId, since, maxSize, limit);
  }
  /** Every message with a body on record, with what the cache size limit weighs (body-eviction.ts). */
  bodyRows(): BodyRowRef[] {
    return this.db
      .prepare('SELECT m.id, m.body_sha, m.date, f.account_id, f.role FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.body_sha IS NOT NULL')
      .all() as BodyRowRef[];
  }
  referencedBodies(): Set<string> {
    return new Set(this.sql.bodies.all().map((r) => r.body_sha));
  }

  /** A window of a folder or of search results, with the total. Damaged rows are set aside, never returned. */
  list(request: z.output<typeof MailListRequestSchema>, isCached: (sha: string) => boolean): MailList {
    const sql = listSql(request, this.reportsView, this.movedIds);
    const total = (this.db.prepare(sql.total).get(...sql.totalParams) as { n: number }).n;
    const found = this.db.prepare(sql.rows).all(...sql.rowParams, request.limit, request.offset) as MessageRow[];
    const rows: MessageSummary[] = [];
    for (const r of found) {
      const summary = this.readSummary(r, isCached);
      if (summary) rows.push(summary);
    }
    return { total: total - (found.length - rows.length), offset: request.offset, rows };
  }

  /** The row as a summary, or null after setting it aside when it cannot be read. */
  readSummary(r: MessageRow, isCached: (sha: string) => boolean): MessageSummary | null {
    try {
      return toSummary(r, r.body_sha !== null && isCached(r.body_sha));
    } catch (error) {
      this.setAside(r, error instanceof DamagedRow ? error.why : String(error));
      return null;
    }
  }

  /** Moves a damaged row to mail_quarantine, right away (a read must not wait for a group commit). */
  setAside(r: MessageRow, why: string): void {
    this.db.transaction(() => {
      this.sql.putQuarantine.run(r.id, Date.now(), why, JSON.stringify(r));
      this.sql.deleteFts.run(r.rowid);
      this.sql.deleteRow.run(r.rowid);
    })();
    this.onSetAside({ id: r.id, reason: why });
  }
  quarantined(): SetAsideRow[] {
    return this.sql.quarantine.all();
  }

  // Remote content.
  allowRemote(scope: 'message' | 'sender', key: string): Promise<void> {
    return this.commit.write(() => {
      this.sql.addConsent.run(scope, key, Date.now());
    });
  }
  remoteAllowed(messageId: string, sender: string | null): boolean {
    if ((this.sql.hasConsent.get('message', messageId)?.n ?? 0) > 0) return true;
    return sender !== null && (this.sql.hasConsent.get('sender', sender.toLowerCase())?.n ?? 0) > 0;
  }

  close(): void {
    this.commit.close();
    if (this.db.open) this.db.close();
  }
}

function folderOf(r: FolderRow): FolderInfo {
  return { id: r.id, accountId: r.account_id, path: r.path, name: r.name, delimiter: r.delimiter, role: r.role, selectable: r.selectable === 1 };
}

function addressText(list: readonly { name?: string; address: string }[]): string {
  return list.map((a) => `${a.name ?? ''} ${a.address}`).join(' ');
}

export function openMailCache(file: string, onSetAside?: (row: SetAsideRow) => void): MailCache {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MAIL_SCHEMA_VERSION) throw failure('CORRUPT_DATA', 'reason.mailStoreNewer', { file });
    if (version < MAIL_SCHEMA_VERSION) {
      db.transaction(() => {
        if (version === 0) db.exec(MAIL_SCHEMA);
        else for (let next = version + 1; next <= MAIL_SCHEMA_VERSION; next++) db.exec(MAIL_MIGRATIONS[next] as string);
        db.pragma(`user_version = ${MAIL_SCHEMA_VERSION}`);
      })();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const fd = openSync(dirname(file), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return new MailCache(db, file, onSetAside);
}
