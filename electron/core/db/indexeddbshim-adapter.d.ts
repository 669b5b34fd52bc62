// The shim ships no declaration for its SQLite adapter; commit-guard.ts describes the part it touches.
declare module 'indexeddbshim/src/nodeSQLiteDatabase.js' {
  const SQLiteDatabase: unknown;
  export default SQLiteDatabase;
}
