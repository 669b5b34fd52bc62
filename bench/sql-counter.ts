/**
 * Counts what the store does underneath Dexie: SQL statements by kind and the
 * time spent executing them (better-sqlite3 is synchronous, so the time inside
 * the adapter's exec is the SQLite work, fsyncs at COMMIT included). Wraps the
 * same adapter method the commit guard wraps; it only observes.
 */
import SQLiteDatabase from 'indexeddbshim/src/nodeSQLiteDatabase.js';

export interface SqlCounts {
  /** Batches handed to SQLite (one per websql flush). */
  batches: number;
  begin: number;
  commit: number;
  rollback: number;
  select: number;
  insert: number;
  update: number;
  delete: number;
  other: number;
  /** Rows returned by SELECTs. */
  rows: number;
  /** Wall time inside SQLite, ms. */
  sqlMs: number;
  /** Wall time inside COMMIT statements alone, ms (journal writes and fsyncs). */
  commitMs: number;
}

type Profile = (sql: string, durationNs: number) => void;
interface Adapter {
  _db: { configure(option: 'profile', value: Profile): void };
}
type Exec = (this: Adapter, queries: unknown[], readOnly: boolean, callback: (error: unknown, results?: unknown) => void) => void;

const empty = (): SqlCounts => ({ batches: 0, begin: 0, commit: 0, rollback: 0, select: 0, insert: 0, update: 0, delete: 0, other: 0, rows: 0, sqlMs: 0, commitMs: 0 });
let counts = empty();
let installed = false;

function kind(sql: string): keyof Omit<SqlCounts, 'batches' | 'rows' | 'sqlMs' | 'commitMs'> {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  if (word === 'BEGIN') return 'begin';
  if (word === 'COMMIT' || word === 'END') return 'commit';
  if (word === 'ROLLBACK') return 'rollback';
  if (word === 'SELECT') return 'select';
  if (word === 'INSERT' || word === 'REPLACE') return 'insert';
  if (word === 'UPDATE') return 'update';
  if (word === 'DELETE') return 'delete';
  return 'other';
}

/** The adapter's own per-statement profile hook (better-sqlite3 runs each statement synchronously). */
const profile: Profile = (sql, durationNs) => {
  const k = kind(sql);
  const ms = durationNs / 1e6;
  counts[k]++;
  counts.sqlMs += ms;
  if (k === 'commit') counts.commitMs += ms;
};

export function installSqlCounter(): void {
  if (installed) return;
  installed = true;
  const prototype = (SQLiteDatabase as { prototype: { exec: Exec } }).prototype;
  const original = prototype.exec;
  const profiled = new WeakSet<object>();
  prototype.exec = function countedExec(queries, readOnly, callback) {
    if (!profiled.has(this)) {
      profiled.add(this);
      this._db.configure('profile', profile);
    }
    counts.batches++;
    original.call(this, queries, readOnly, (error, results) => {
      for (const result of (results as { rows?: unknown[] }[] | undefined) ?? []) counts.rows += result?.rows?.length ?? 0;
      callback(error, results);
    });
  };
}

export function takeSqlCounts(): SqlCounts {
  const taken = counts;
  counts = empty();
  return taken;
}

/** The running totals, without resetting them. */
export const peekSqlCounts = (): SqlCounts => ({ ...counts });
