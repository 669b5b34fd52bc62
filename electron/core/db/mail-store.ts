/**
 * The outbox's own store: outbox items, drafts, transcripts and quarantined
 * rows in one SQLite file, through better-sqlite3's prepared statements.
 * These tables change several times per message, so they do not go through
 * indexeddbshim (its per-record cost made the store the bottleneck; see
 * docs/benchmarks.md). Writes go through `commit` (group-commit.ts); reads are
 * synchronous and see only committed data. Only this module knows the layout.
 */
import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { failure } from '../../../shared/i18n/reason';
import type { Draft, OutboxItem, OutboxState, TranscriptEntry } from '../../../shared/model';
import { Checkpointer } from './checkpointer';
import { GroupCommit } from './group-commit';
import { StoreLedger, type LedgerEntry } from './store-ledger';

/** A stored row that could not be read or did not validate: set aside, never dropped. */
export interface QuarantineRow {
  id: string;
  at: number;
  reason: string;
  /** The row as it was read: the parsed value when it parsed, else its text. */
  row: unknown;
}

export interface WaitingEntry {
  id: string;
  accountId: string;
  notBefore: number;
}

const SCHEMA_VERSION = 2;
const SCHEMA = `
  CREATE TABLE items (
    id TEXT PRIMARY KEY, state TEXT NOT NULL, not_before INTEGER NOT NULL,
    account_id TEXT NOT NULL, created_at INTEGER NOT NULL, json TEXT NOT NULL);
  -- Covers the spooler's and recovery's questions without reading a row.
  CREATE INDEX items_due ON items (state, not_before, account_id, id);
  CREATE INDEX items_created ON items (created_at, id);
  CREATE TABLE drafts (id TEXT PRIMARY KEY, updated_at INTEGER NOT NULL, json TEXT NOT NULL);
  CREATE INDEX drafts_updated ON drafts (updated_at, id);
  -- json: the lines of one flush, as an array (a row from before they were grouped holds one line, as an object).
  CREATE TABLE transcript (
    item_id TEXT NOT NULL, connection_id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL,
    lines INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (item_id, connection_id, seq)) WITHOUT ROWID;
  CREATE TABLE quarantine (id TEXT PRIMARY KEY, at INTEGER NOT NULL, reason TEXT NOT NULL, row TEXT NOT NULL);
`;

/** From each schema version to the next; a store is brought up to date in one transaction at open. */
const UPGRADES: Record<number, string> = {
  // Lines grouped into one row per flush: each row says how many it holds (rows until then hold one).
  1: 'ALTER TABLE transcript ADD COLUMN lines INTEGER NOT NULL DEFAULT 1;',
};

type Row = { json: string };

export class MailStore {
  readonly commit: GroupCommit;
  private readonly sql;

  readonly checkpointer: Checkpointer;
  /** The damage record (store-ledger.ts): told of every item and draft that comes and goes. */
  readonly ledger: StoreLedger;

  constructor(
    readonly db: Database.Database,
    file: string,
    onError: (message: string) => void,
  ) {
    // Never inside a transaction: group commits run whole within one turn of the event loop, and this runs in another.
    this.checkpointer = new Checkpointer(file, onError, () => db.pragma('wal_checkpoint(PASSIVE)'));
    this.commit = new GroupCommit(db, `${file}-wal`, () => this.checkpointer.committed());
    this.ledger = new StoreLedger(ledgerFileFor(file), onError);
    this.sql = {
      getItem: db.prepare<[string], Row>('SELECT json FROM items WHERE id = ?'),
      insertItem: db.prepare('INSERT INTO items (id, state, not_before, account_id, created_at, json) VALUES (?, ?, ?, ?, ?, ?)'),
      // An UPDATE rewrites only the indexes whose columns changed; a REPLACE would delete and re-add the row and all its index entries.
      updateItem: db.prepare('UPDATE items SET state = ?, not_before = ?, account_id = ?, json = ? WHERE id = ?'),
      // SQLite rewrites the index entries of every column a SET names, changed or not: this one names none.
      updateItemJson: db.prepare('UPDATE items SET json = ? WHERE id = ?'),
      deleteItem: db.prepare<[string]>('DELETE FROM items WHERE id = ?'),
      listItems: db.prepare<[], Row>('SELECT json FROM items ORDER BY created_at DESC, id DESC'),
      itemsInState: db.prepare<[string], Row>('SELECT json FROM items WHERE state = ? ORDER BY not_before, account_id, id'),
      waiting: db.prepare<[string], { id: string; accountId: string; notBefore: number }>(
        'SELECT id, account_id AS accountId, not_before AS notBefore FROM items WHERE state = ? ORDER BY not_before, account_id, id',
      ),
      // Reports are rare and name a message by its envelope id or Message-ID; a scan of the JSON costs less than an index kept on every send.
      itemsByEnvid: db.prepare<[string], Row>("SELECT json FROM items WHERE json_extract(json, '$.envid') = ?"),
      itemsByMessageId: db.prepare<[string], Row>("SELECT json FROM items WHERE json_extract(json, '$.messageId') = ?"),
      // Read once at start-up; afterwards the Sent-copy filer follows the items' events.
      sentCopiesWaiting: db.prepare<[], Row>("SELECT json FROM items WHERE state = 'sent' AND json_extract(json, '$.sentCopy.state') IN ('pending', 'appending')"),
      countInState: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM items WHERE state = ?'),
      countUnsentOf: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM items WHERE state IN ('queued', 'deferred', 'sending') AND account_id = ?"),
      getDraft: db.prepare<[string], Row>('SELECT json FROM drafts WHERE id = ?'),
      putDraft: db.prepare('INSERT OR REPLACE INTO drafts (id, updated_at, json) VALUES (?, ?, ?)'),
      deleteDraft: db.prepare<[string]>('DELETE FROM drafts WHERE id = ?'),
      listDrafts: db.prepare<[], Row>('SELECT json FROM drafts ORDER BY updated_at DESC, id DESC'),
      // A row holds one item's lines of one flush, keyed by its first line; keys are unique by construction,
      // and a row copied twice (moving earlier rows) is the same row.
      addLines: db.prepare('INSERT OR IGNORE INTO transcript (item_id, connection_id, seq, json, lines) VALUES (?, ?, ?, ?, ?)'),
      linesOf: db.prepare<[string], Row>('SELECT json FROM transcript WHERE item_id = ?'),
      countLines: db.prepare<[string], { n: number }>('SELECT coalesce(sum(lines), 0) AS n FROM transcript WHERE item_id = ?'),
      deleteLinesOf: db.prepare<[string]>('DELETE FROM transcript WHERE item_id = ?'),
      putQuarantine: db.prepare('INSERT OR REPLACE INTO quarantine (id, at, reason, row) VALUES (?, ?, ?, ?)'),
      listQuarantine: db.prepare<[], { id: string; at: number; reason: string; row: string }>('SELECT id, at, reason, row FROM quarantine ORDER BY at, id'),
    };
  }

  // Items. Reads parse; a row that is not JSON was set aside at open (setAsideUndecodable).
  getItem(id: string): OutboxItem | undefined {
    const row = this.sql.getItem.get(id);
    return row ? (JSON.parse(row.json) as OutboxItem) : undefined;
  }
  /** The stored value of an item as it is, validated or not. */
  rawItem(id: string): unknown {
    const row = this.sql.getItem.get(id);
    return row ? parseOrText(row.json) : undefined;
  }
  insertItem(item: OutboxItem): void {
    this.sql.insertItem.run(...itemColumns(item));
  }
  /** `stored`: the item as it is in the store, when the caller has it; then unchanged index columns are left alone. */
  putItem(item: OutboxItem, stored?: OutboxItem): void {
    const json = JSON.stringify(item);
    if (stored && stored.state === item.state && stored.notBefore === item.notBefore && stored.accountId === item.accountId) {
      this.sql.updateItemJson.run(json, item.id);
      return;
    }
    if (this.sql.updateItem.run(item.state, item.notBefore, item.accountId, json, item.id).changes === 0) {
      this.sql.insertItem.run(item.id, item.state, item.notBefore, item.accountId, item.createdAt, json);
    }
  }
  deleteItem(id: string): void {
    this.ledger.removing('item', id);
    this.sql.deleteItem.run(id);
  }
  /** Newest first. */
  listItems(): OutboxItem[] {
    return this.sql.listItems.all().map((r) => JSON.parse(r.json) as OutboxItem);
  }
  /** The items a delivery report may be about: by our envelope id, else by the Message-ID (with its angle brackets). */
  itemsReportedOn(envid: string | null, messageId: string | null): OutboxItem[] {
    const byEnvid = envid ? this.sql.itemsByEnvid.all(envid) : [];
    const rows = byEnvid.length || !messageId ? byEnvid : this.sql.itemsByMessageId.all(messageId);
    return rows.map((r) => JSON.parse(r.json) as OutboxItem);
  }
  /** Rows as stored (not validated), in notBefore order. */
  itemsInState(state: OutboxState): unknown[] {
    return this.sql.itemsInState.all(state).map((r) => parseOrText(r.json));
  }
  /** From the index alone: no row is read. */
  waitingEntries(states: readonly OutboxState[]): WaitingEntry[] {
    return states.flatMap((state) => this.sql.waiting.all(state));
  }
  /** Sent items whose copy in the server's Sent folder is still to be filed or checked. */
  sentCopiesWaiting(): OutboxItem[] {
    return this.sql.sentCopiesWaiting.all().map((r) => JSON.parse(r.json) as OutboxItem);
  }
  countInStates(states: readonly OutboxState[]): number {
    return states.reduce((sum, state) => sum + (this.sql.countInState.get(state)?.n ?? 0), 0);
  }

  /** Queued, deferred or being sent, from one account. */
  countUnsentOf(accountId: string): number {
    return this.sql.countUnsentOf.get(accountId)?.n ?? 0;
  }

  // Drafts.
  getDraft(id: string): Draft | undefined {
    const row = this.sql.getDraft.get(id);
    return row ? (JSON.parse(row.json) as Draft) : undefined;
  }
  putDraft(draft: Draft): void {
    this.sql.putDraft.run(draft.id, draft.updatedAt, JSON.stringify(draft));
  }
  deleteDraft(id: string): void {
    this.ledger.removing('draft', id);
    this.sql.deleteDraft.run(id);
  }
  /** Most recently edited first. */
  listDrafts(): Draft[] {
    return this.sql.listDrafts.all().map((r) => JSON.parse(r.json) as Draft);
  }

  // Transcript lines: one row per item per flush, not one per line (a message has a dozen).
  addLines(entries: readonly TranscriptEntry[]): void {
    const byItem = new Map<string, TranscriptEntry[]>();
    for (const e of entries) {
      const lines = byItem.get(e.itemId);
      if (lines) lines.push(e);
      else byItem.set(e.itemId, [e]);
    }
    for (const [itemId, lines] of byItem) {
      const first = lines[0] as TranscriptEntry;
      this.sql.addLines.run(itemId, first.connectionId, first.seq, JSON.stringify(lines), lines.length);
    }
  }
  /** In no particular order. */
  linesOf(itemId: string): TranscriptEntry[] {
    return this.sql.linesOf.all(itemId).flatMap((r) => JSON.parse(r.json) as TranscriptEntry | TranscriptEntry[]);
  }
  /** Replaces an item's lines with `kept` (trimming). */
  keepLinesOf(itemId: string, kept: readonly TranscriptEntry[]): void {
    this.sql.deleteLinesOf.run(itemId);
    this.addLines(kept);
  }
  countLines(itemId: string): number {
    return this.sql.countLines.get(itemId)?.n ?? 0;
  }
  deleteLinesOf(itemId: string): void {
    this.sql.deleteLinesOf.run(itemId);
  }

  // Quarantine.
  putQuarantine(row: QuarantineRow): void {
    this.sql.putQuarantine.run(row.id, row.at, row.reason, JSON.stringify(row.row ?? null));
  }
  listQuarantine(): QuarantineRow[] {
    return this.sql.listQuarantine.all().map((r) => ({ id: r.id, at: r.at, reason: r.reason, row: JSON.parse(r.row) as unknown }));
  }

  /** Every item and draft the store holds, as the damage record names them; reads every row. */
  ledgerEntries(): LedgerEntry[] {
    const subject = "coalesce(json_extract(json, '$.subject'), '')";
    const rows = (table: 'items' | 'drafts') =>
      this.db.prepare<[], { id: string; subject: unknown }>(`SELECT id, CASE WHEN json_valid(json) THEN ${subject} ELSE '' END AS subject FROM ${table}`).all();
    return [
      ...rows('items').map((r): LedgerEntry => ({ kind: 'item', id: r.id, subject: String(r.subject) })),
      ...rows('drafts').map((r): LedgerEntry => ({ kind: 'draft', id: r.id, subject: String(r.subject) })),
    ];
  }

  /**
   * Rows whose text is no longer JSON (a damaged disk, another tool) go to
   * quarantine before anything reads them. Returns what was set aside.
   */
  setAsideUndecodable(at: number): QuarantineRow[] {
    const found = [
      ...this.db.prepare<[], { id: string; json: string }>('SELECT id, json FROM items WHERE NOT json_valid(json)').all().map((r) => ({ ...r, table: 'items' })),
      ...this.db.prepare<[], { id: string; json: string }>('SELECT id, json FROM drafts WHERE NOT json_valid(json)').all().map((r) => ({ ...r, table: 'drafts' })),
    ];
    const rows = found.map((r): QuarantineRow => ({ id: r.id, at, reason: `unreadable ${r.table} row: not JSON`, row: r.json }));
    if (rows.length) {
      this.db.transaction(() => {
        for (const [i, row] of rows.entries()) {
          this.putQuarantine(row);
          if (found[i]?.table === 'drafts') this.deleteDraft(row.id);
          else this.deleteItem(row.id);
        }
      })();
    }
    return rows;
  }

  close(): void {
    this.checkpointer.close();
    this.commit.close();
    if (this.db.open) this.db.close();
  }
}

/** The damage record's file, beside the store. */
export const ledgerFileFor = (file: string): string => file.replace(/\.sqlite$/, '') + '.ledger';

function itemColumns(item: OutboxItem): [string, string, number, string, number, string] {
  return [item.id, item.state, item.notBefore, item.accountId, item.createdAt, JSON.stringify(item)];
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Opens (or creates) the store: write-ahead log with synchronous = NORMAL, so
 * SQLite syncs at checkpoints and GroupCommit syncs the log before any write is
 * reported done ("queued" is never said of a write that is not on disk).
 */
export function openMailStore(file: string, onError: (message: string) => void = () => undefined): MailStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Checkpoints run on a worker (checkpointer.ts); this far-off automatic one is only a backstop.
    db.pragma('wal_autocheckpoint = 20000');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('foreign_keys = OFF');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw failure('CORRUPT_DATA', 'reason.storeTooNew', { file, version });
    if (version < SCHEMA_VERSION) {
      db.transaction(() => {
        if (version === 0) db.exec(SCHEMA);
        else for (let v = version; v < SCHEMA_VERSION; v++) db.exec(UPGRADES[v] as string);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  // The files' names must survive a power cut too, not only their contents.
  syncDirectory(dirname(file));
  return new MailStore(db, file, onError);
}
