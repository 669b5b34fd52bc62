/**
 * The queue of mailbox actions in mail.sqlite (its own tables, created if
 * missing at open): each action as the user took it, in order, until the
 * server has it; and the messages an action has moved away, which lists and
 * counts leave out until the server's copy is gone too. The local change and
 * the queued action are written in one transaction by the caller.
 */
import type { MailCache } from './mail-cache';

/** SQL naming the ids of messages moved away locally and not yet gone from their folder. */
export const MOVED_IDS = 'SELECT message_id FROM mail_moved';

export interface ActionRow {
  seq: number;
  id: string;
  account_id: string;
  json: string;
}

export class ActionRows {
  private readonly sql;

  constructor(private readonly cache: MailCache) {
    cache.db.exec(`
      CREATE TABLE IF NOT EXISTS mail_actions (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS mail_moved (message_id TEXT PRIMARY KEY, action_id TEXT NOT NULL) WITHOUT ROWID;
    `);
    const db = cache.db;
    this.sql = {
      insert: db.prepare('INSERT INTO mail_actions (id, account_id, json) VALUES (?, ?, ?)'),
      update: db.prepare('UPDATE mail_actions SET json = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM mail_actions WHERE id = ?'),
      byId: db.prepare<[string], ActionRow>('SELECT * FROM mail_actions WHERE id = ?'),
      ofAccount: db.prepare<[string], ActionRow>('SELECT * FROM mail_actions WHERE account_id = ? ORDER BY seq'),
      all: db.prepare<[], ActionRow>('SELECT * FROM mail_actions ORDER BY seq'),
      hide: db.prepare('INSERT OR REPLACE INTO mail_moved (message_id, action_id) VALUES (?, ?)'),
      unhide: db.prepare('DELETE FROM mail_moved WHERE message_id = ?'),
      forgetGone: db.prepare('DELETE FROM mail_moved WHERE message_id NOT IN (SELECT id FROM messages)'),
      flags: db.prepare('UPDATE messages SET seen = coalesce(?, seen), flagged = coalesce(?, flagged) WHERE id = ?'),
      place: db.prepare('UPDATE messages SET folder_id = ?, uid = ? WHERE id = ?'),
      maxUid: db.prepare<[string], { uid: number | null }>('SELECT max(uid) AS uid FROM messages WHERE folder_id = ?'),
    };
    this.sql.forgetGone.run();
  }

  /** Runs `fn` as one durable write (the store's group commit). */
  write<T>(fn: () => T): Promise<T> {
    return this.cache.commit.write(fn);
  }

  // Inside write():
  insert(id: string, accountId: string, json: string): void {
    this.sql.insert.run(id, accountId, json);
  }
  update(id: string, json: string): void {
    this.sql.update.run(json, id);
  }
  remove(id: string): void {
    this.sql.remove.run(id);
  }
  setFlags(messageId: string, seen: boolean | null, flagged: boolean | null): void {
    this.sql.flags.run(seen === null ? null : +seen, flagged === null ? null : +flagged, messageId);
  }
  hide(messageId: string, actionId: string): void {
    this.sql.hide.run(messageId, actionId);
  }
  unhide(messageId: string): void {
    this.sql.unhide.run(messageId);
  }
  /** A move on a mailbox without a server (the sandbox): the row itself goes, under the next free UID. */
  place(messageId: string, folderId: string): void {
    const uid = (this.sql.maxUid.get(folderId)?.uid ?? 0) + 1;
    this.sql.place.run(folderId, uid, messageId);
  }

  byId(id: string): ActionRow | undefined {
    return this.sql.byId.get(id);
  }
  ofAccount(accountId: string): ActionRow[] {
    return this.sql.ofAccount.all(accountId);
  }
  all(): ActionRow[] {
    return this.sql.all.all();
  }
}
