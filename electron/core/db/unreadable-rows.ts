/**
 * Rows the store can no longer decode (a damaged disk, an interrupted write by
 * another tool) make indexeddbshim hang instead of failing, so they are found
 * before it opens the file: SQLite checks every stored value is still JSON,
 * and the undelivered outbox items are decoded the way the shim will decode
 * them. A row that fails is copied to a quarantine file, then removed.
 * (Delivered items are only JSON-checked: decoding all history would slow start-up.)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decode } from 'indexeddbshim/src/Sca.js';

export interface SetAsideRow {
  table: string;
  key: string;
  file: string;
}

/** indexeddbshim's file name for a database with a plain name. */
export const sqliteFileFor = (dbDir: string, name: string): string => join(dbDir, `D_${name}.sqlite`);

const OUTBOX_TABLE = 'S_items';

function undecodable(db: Database.Database, quoted: string): { key: string; value: unknown }[] {
  const waiting = db
    .prepare(`SELECT key, value FROM ${quoted} WHERE json_valid(value) AND json_extract(value, '$.state') IN ('queued', 'deferred', 'sending')`)
    .all() as { key: string; value: string }[];
  return waiting.filter((row) => {
    try {
      decode(row.value);
      return false;
    } catch {
      return true;
    }
  });
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
