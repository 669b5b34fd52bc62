/**
 * IndexedDB for Node, backed by one SQLite file per database in `dir`
 * (indexeddbshim over better-sqlite3).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import setGlobalVars from 'indexeddbshim';
import { installCommitGuard } from './commit-guard';
import type { IndexedDbFactory } from './database';

let folderInUse: string | null = null;

export function sqliteIndexedDb(dir: string): IndexedDbFactory {
  const folder = resolve(dir);
  // The shim's configuration and its catalogue of databases are process-wide:
  // a second folder in the same process would silently mix the two stores.
  if (folderInUse !== null && folderInUse !== folder) {
    throw new Error(`This process already keeps its database in ${folderInUse}; one database folder per process.`);
  }
  folderInUse = folder;
  mkdirSync(folder, { recursive: true });
  installCommitGuard();
  const scope: Record<string, unknown> = {};
  setGlobalVars(scope as never, {
    checkOrigin: false,
    databaseBasePath: folder,
    deleteDatabaseFiles: false,
    useSQLiteIndexes: true,
    addNonIDBGlobals: false,
    replaceNonIDBGlobals: false,
  });
  if (!scope.indexedDB || !scope.IDBKeyRange) throw new Error('indexeddbshim did not provide IndexedDB');
  return { indexedDB: scope.indexedDB, IDBKeyRange: scope.IDBKeyRange } as IndexedDbFactory;
}
