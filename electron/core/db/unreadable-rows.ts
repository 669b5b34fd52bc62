/**
 * Rows of the IndexedDB store (accounts, settings, secrets, sandbox mail) that
 * are no longer JSON (a damaged disk, another tool) make indexeddbshim hang
 * instead of failing, so they are found before it opens the file. They go to
 * the same quarantine as the outbox's own unreadable rows (the outbox store's
 * quarantine table): copied there durably first, and only then removed here.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { QuarantineRow } from './mail-store';

/** indexeddbshim's file name for a database with a plain name. */
export const sqliteFileFor = (dbDir: string, name: string): string => join(dbDir, `D_${name}.sqlite`);

interface FoundRow {
  table: string;
  key: string;
  quarantine: QuarantineRow;
}

const quoted = (table: string) => `"${table.replace(/"/g, '""')}"`;

/** The shim's object-store tables (S_<name>) and their rows that are not JSON; nothing is changed. */
export function findUnreadableRows(dbFile: string, at: number): FoundRow[] {
  if (!existsSync(dbFile)) return [];
  const db = new Database(dbFile, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'S\\_%' ESCAPE '\\'").all() as { name: string }[]).map((t) => t.name);
    return tables.flatMap((table) =>
      (db.prepare(`SELECT key, value FROM ${quoted(table)} WHERE value IS NULL OR json_valid(value) = 0`).all() as { key: string; value: unknown }[]).map((row) => ({
        table,
        key: row.key,
        quarantine: { id: `settings-${table.slice(2)}-${String(row.key)}`, at, reason: `unreadable ${table.slice(2)} row: not JSON`, row: String(row.value) },
      })),
    );
  } finally {
    db.close();
  }
}

/** Called once the rows are safe in quarantine. */
export function removeRows(dbFile: string, rows: readonly FoundRow[]): void {
  if (!rows.length) return;
  const db = new Database(dbFile);
  try {
    db.transaction(() => {
      for (const row of rows) db.prepare(`DELETE FROM ${quoted(row.table)} WHERE key = ?`).run(row.key);
    })();
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
