/**
 * indexeddbshim's WebSQL layer ignores the result of COMMIT: when the disk is
 * full the write is lost but the IndexedDB transaction still reports success.
 * This guard wraps the SQLite adapter under it, counts failed COMMITs, and
 * rolls back whatever the failure left open. Durable writes compare the count
 * before and after (see durable-write.ts) instead of trusting "complete".
 */
import SQLiteDatabase from 'indexeddbshim/src/nodeSQLiteDatabase.js';

interface Query {
  sql: string;
}
interface QueryResult {
  error?: Error | null;
}
type ExecCallback = (error: Error | null, results?: QueryResult[]) => void;
interface Adapter {
  _db: { _db: { inTransaction: boolean; exec(sql: string): void; pragma(sql: string): unknown } };
}
type Exec = (this: Adapter, queries: Query[], readOnly: boolean, callback: ExecCallback) => void;

const COMMIT = /^\s*(END|COMMIT)\b/i;
let failedCommits = 0;
let lastFailure: Error | null = null;
let installed = false;
const synced = new WeakSet<object>();

export function installCommitGuard(): void {
  if (installed) return;
  installed = true;
  const prototype = (SQLiteDatabase as unknown as { prototype: { exec: Exec } }).prototype;
  const original = prototype.exec;
  prototype.exec = function guardedExec(queries, readOnly, callback) {
    const connection = this._db._db;
    if (!synced.has(connection)) {
      connection.pragma('synchronous = FULL');
      synced.add(connection);
    }
    original.call(this, queries, readOnly, (error, results) => {
      queries.forEach((query, i) => {
        const failure = results?.[i]?.error;
        if (!failure || !COMMIT.test(query.sql)) return;
        failedCommits++;
        lastFailure = failure;
        const db = this._db._db;
        try {
          if (db.inTransaction) db.exec('ROLLBACK');
        } catch {
          // SQLite has usually rolled back already; nothing more to undo.
        }
      });
      callback(error, results);
    });
  };
}

export const failedCommitCount = (): number => failedCommits;
export const lastCommitFailure = (): Error | null => lastFailure;
