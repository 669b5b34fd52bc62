/**
 * The layout of mail.sqlite: mail read from servers (and the local sandbox's
 * mailbox), kept apart from the outbox so a resync of a big folder never
 * competes with a send for the outbox's write lock.
 */
export const MAIL_SCHEMA_VERSION = 2;

export const MAIL_SCHEMA = `
  CREATE TABLE folders (
    id TEXT PRIMARY KEY, account_id TEXT NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL,
    delimiter TEXT, role TEXT NOT NULL, selectable INTEGER NOT NULL,
    uidvalidity INTEGER, uidnext INTEGER, highestmodseq TEXT,
    UNIQUE (account_id, path));
  -- One row per message of a folder, as of the last sync. rowid is the FTS row.
  CREATE TABLE messages (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, folder_id TEXT NOT NULL, uid INTEGER NOT NULL,
    message_id TEXT NOT NULL, subject TEXT NOT NULL, subject_sort TEXT NOT NULL,
    from_json TEXT, from_sort TEXT NOT NULL, to_json TEXT NOT NULL, cc_json TEXT NOT NULL, reply_to_json TEXT NOT NULL,
    in_reply_to TEXT NOT NULL, references_json TEXT NOT NULL,
    date INTEGER NOT NULL, size INTEGER NOT NULL,
    seen INTEGER NOT NULL, flagged INTEGER NOT NULL, answered INTEGER NOT NULL, draft INTEGER NOT NULL,
    has_attachments INTEGER NOT NULL, thread_id TEXT NOT NULL, preview TEXT NOT NULL,
    -- The content address of the raw message under bodies/, once fetched.
    body_sha TEXT, modseq TEXT,
    UNIQUE (folder_id, uid));
  CREATE INDEX messages_date ON messages (folder_id, date, rowid);
  CREATE INDEX messages_from ON messages (folder_id, from_sort, rowid);
  CREATE INDEX messages_subject ON messages (folder_id, subject_sort, rowid);
  CREATE INDEX messages_size ON messages (folder_id, size, rowid);
  -- A conversation's messages newest last: "is there a newer one?" is one seek (list-query.ts).
  CREATE INDEX messages_thread_date ON messages (folder_id, thread_id, date);
  CREATE INDEX messages_unread ON messages (folder_id, seen, date);
  CREATE INDEX messages_all_date ON messages (date, rowid);
  CREATE INDEX messages_body ON messages (body_sha);
  -- Contentless: the text lives in the rows and body files; only the index is kept here.
  CREATE VIRTUAL TABLE messages_fts USING fts5 (senders, recipients, subject, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
  -- The user's word that remote content may load: for one message (its id) or one sender (an address).
  CREATE TABLE remote_consent (scope TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (scope, key)) WITHOUT ROWID;
  CREATE TABLE mail_quarantine (id TEXT PRIMARY KEY, at INTEGER NOT NULL, reason TEXT NOT NULL, row TEXT NOT NULL);
`;

/** What takes a file written at version N-1 to version N. */
export const MAIL_MIGRATIONS: Record<number, string> = {
  2: `CREATE INDEX messages_thread_date ON messages (folder_id, thread_id, date); DROP INDEX messages_thread;`,
};
