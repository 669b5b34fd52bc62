/**
 * IndexedDB for Node, backed by one SQLite file per database in `dir`
 * (indexeddbshim over better-sqlite3).
 */
import { mkdirSync } from 'node:fs';
import setGlobalVars from 'indexeddbshim';
import type { IndexedDbFactory } from './database';

export function sqliteIndexedDb(dir: string): IndexedDbFactory {
  mkdirSync(dir, { recursive: true });
  const scope: Record<string, unknown> = {};
  setGlobalVars(scope as never, {
    checkOrigin: false,
    databaseBasePath: dir,
    deleteDatabaseFiles: false,
    useSQLiteIndexes: true,
    addNonIDBGlobals: false,
    replaceNonIDBGlobals: false,
  });
  if (!scope.indexedDB || !scope.IDBKeyRange) throw new Error('indexeddbshim did not provide IndexedDB');
  return { indexedDB: scope.indexedDB, IDBKeyRange: scope.IDBKeyRange } as IndexedDbFactory;
}
