// The shim ships no declaration for its SQLite adapter; commit-guard.ts describes the part it touches.
declare module 'indexeddbshim/src/nodeSQLiteDatabase.js' {
  const SQLiteDatabase: unknown;
  export default SQLiteDatabase;
}

declare module 'indexeddbshim/src/Sca.js' {
  /** Revives a stored value the way the shim does; throws on a value it cannot revive. */
  export function decode(value: string): unknown;
}
