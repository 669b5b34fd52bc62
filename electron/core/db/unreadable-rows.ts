/**
 * Rows the store can no longer decode (a damaged disk, an interrupted write by
 * another tool) make indexeddbshim hang instead of failing, so they are found
 * before it opens the file: SQLite checks every stored value is still JSON,
 * and for undelivered outbox items an earlier version left there (they are
 * moved to the outbox store at start, see move-legacy-rows.ts) that every type
 * annotation the shim will follow ($types, typeson's key paths) points at a
 * value that is there. A row that fails is copied to a quarantine file, then
 * removed. (Delivered items are only JSON-checked, to keep start-up fast.)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export interface SetAsideRow {
  table: string;
  key: string;
  file: string;
}

/** indexeddbshim's file name for a database with a plain name. */
export const sqliteFileFor = (dbDir: string, name: string): string => join(dbDir, `D_${name}.sqlite`);

const OUTBOX_TABLE = 'S_items';

/** typeson escapes '.' as '~1' and '~' as '~0' in its key paths. */
const pathParts = (path: string) => path.split('.').map((part) => part.replace(/~1/g, '.').replace(/~0/g, '~'));

/** True when every path the shim's reviver will visit exists: otherwise it throws, and the shim hangs. */
export function annotationsResolve(value: unknown): boolean {
  const types = (value as { $types?: unknown } | null)?.$types;
  if (types === undefined) return true;
  if (typeof types !== 'object' || types === null) return false;
  return Object.keys(types).every((path) => {
    if (path === '') return true;
    let node: unknown = value;
    for (const part of pathParts(path)) {
      if (node === null || typeof node !== 'object' || !(part in node)) return false;
      node = (node as Record<string, unknown>)[part];
    }
    return true;
  });
}

function undecodable(db: Database.Database, quoted: string): { key: string; value: unknown }[] {
  const waiting = db
    .prepare(`SELECT key, value FROM ${quoted} WHERE json_valid(value) AND json_extract(value, '$.state') IN ('queued', 'deferred', 'sending')`)
    .all() as { key: string; value: string }[];
  return waiting.filter((row) => !annotationsResolve(JSON.parse(row.value)));
}

export function setAsideUnreadableRows(dbFile: string, quarantineDir: string, now: () => number = Date.now): SetAsideRow[] {
  if (!existsSync(dbFile)) return [];
  const db = new Database(dbFile);
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'S\\_%' ESCAPE '\\'").all() as { name: string }[]).map((t) => t.name);
    const setAside: SetAsideRow[] = [];
    for (const table of tables) {
      const quoted = `"${table.replace(/"/g, '""')}"`;
      const bad = db.prepare(`SELECT key, value FROM ${quoted} WHERE value IS NULL OR json_valid(value) = 0`).all() as { key: string; value: unknown }[];
      if (table === OUTBOX_TABLE) bad.push(...undecodable(db, quoted));
      if (!bad.length) continue;
      mkdirSync(quarantineDir, { recursive: true, mode: 0o700 });
      const remove = db.prepare(`DELETE FROM ${quoted} WHERE key = ?`);
      db.transaction(() => {
        for (const [i, row] of bad.entries()) {
          const file = join(quarantineDir, `${now()}-${table}-${i}.json`);
          // Written (and flushed by writeFileSync) before the row is deleted: never dropped.
          writeFileSync(file, JSON.stringify({ table, key: row.key, value: String(row.value) }), { mode: 0o600 });
          remove.run(row.key);
          setAside.push({ table, key: row.key, file });
        }
      })();
    }
    return setAside;
  } finally {
    db.close();
  }
}

/**
 * Write-ahead logging, set once on the file (SQLite remembers it): a commit is
 * one append and one fsync of the log instead of journal-and-database writes.
 * Durability needs synchronous = FULL on every connection: commit-guard.ts sets it.
 */
export function useWriteAheadLog(dbFile: string): void {
  mkdirSync(dirname(dbFile), { recursive: true });
  const db = new Database(dbFile);
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}
