/**
 * At start, before anything reads the outbox store: does it still hold what
 * the damage record (store-ledger.ts) says it must? If not, the store's files
 * are copied aside untouched (damaged/<time>/), SQLite opens what is left
 * (recovering what it can), and the report says what was lost and what kept.
 * A store SQLite cannot open at all is moved aside whole and a new one begins.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StorageDamage } from '../../../shared/model';
import { openMailStore, type MailStore } from './mail-store';
import type { LedgerEntry, StoreLedger } from './store-ledger';

const STORE_FILES = ['', '-wal', '-shm'];

/** Ids the store holds, read without changing its files; null when it cannot be read. */
function presentIds(file: string): Set<string> | null {
  if (!existsSync(file)) return existsSync(`${file}-wal`) ? null : new Set();
  // An emptied file is not opened at all: SQLite deletes the log beside an empty database as it opens it.
  if (statSync(file).size === 0) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const ids = new Set<string>();
    if (tables.has('items')) for (const r of db.prepare('SELECT id FROM items').all() as { id: string }[]) ids.add(`item:${r.id}`);
    if (tables.has('drafts')) for (const r of db.prepare('SELECT id FROM drafts').all() as { id: string }[]) ids.add(`draft:${r.id}`);
    return ids;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

const missingFrom = (expected: Map<string, LedgerEntry>, present: Set<string> | null): LedgerEntry[] =>
  [...expected].filter(([key]) => !present?.has(key)).map(([, entry]) => entry);

export interface CheckedStore {
  store: MailStore;
  damage: StorageDamage | null;
}

export function openCheckedStore(file: string, ledger: StoreLedger, damagedRoot: string, onError: (message: string) => void, now: () => number = Date.now): CheckedStore {
  const expected = ledger.read();
  if (!expected.size || !missingFrom(expected, presentIds(file)).length) {
    const store = openMailStore(file, onError);
    ledger.rewrite(store.ledgerEntries());
    return { store, damage: null };
  }
  const at = now();
  const folder = join(damagedRoot, new Date(at).toISOString().replace(/[:.]/g, '-'));
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const suffix of STORE_FILES) if (existsSync(file + suffix)) copyFileSync(file + suffix, join(folder, `outbox.sqlite${suffix}`));
  copyFileSync(ledger.file, join(folder, 'outbox.ledger'));
  let store: MailStore;
  try {
    store = openMailStore(file, onError);
    store.ledgerEntries(); // reads every row: a store that opens but cannot be read counts as unopenable
  } catch (error) {
    onError(`outbox store unreadable, starting a new one: ${error instanceof Error ? error.message : String(error)}`);
    // Its copy is kept above; the originals leave so a new store can begin.
    for (const suffix of STORE_FILES) if (existsSync(file + suffix)) renameSync(file + suffix, `${file}${suffix}.unreadable-${at}`);
    store = openMailStore(file, onError);
  }
  const kept = store.ledgerEntries();
  const keptKeys = new Set(kept.map((e) => `${e.kind}:${e.id}`));
  const damage: StorageDamage = {
    at,
    folder,
    lost: missingFrom(expected, keptKeys).map(({ kind, id, subject }) => ({ kind, id, subject })),
    kept: { items: kept.filter((e) => e.kind === 'item').length, drafts: kept.filter((e) => e.kind === 'draft').length },
  };
  writeFileSync(join(folder, 'report.json'), JSON.stringify(damage, null, 2), { mode: 0o600 });
  ledger.rewrite(kept);
  return { store, damage };
}
