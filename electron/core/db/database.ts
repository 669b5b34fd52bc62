/**
 * Accounts, settings, secrets and the sandbox inbox: Dexie over IndexedDB. In
 * the app IndexedDB is indexeddbshim's SQLite file under the user-data folder;
 * unit tests may hand in fake-indexeddb instead. Only this module knows the
 * table layout. The outbox's own tables live in mail-store.ts.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Account, SandboxMessage } from '../../../shared/model';

/** An account's password or token, sealed by the SecretBox; never in clear. */
export interface SecretRow {
  accountId: string;
  sealed: string;
}
export interface SettingRow {
  key: string;
  value: unknown;
}
export type IndexedDbFactory = Required<Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>>;

export class MailDatabase extends Dexie {
  accounts!: Table<Account, string>;
  settings!: Table<SettingRow, string>;
  sandboxMail!: Table<SandboxMessage, string>;
  secrets!: Table<SecretRow, string>;

  constructor(name: string, factory: IndexedDbFactory) {
    super(name, { indexedDB: factory.indexedDB, IDBKeyRange: factory.IDBKeyRange });
    // Schema versions only ever grow; a new version gets its own block below.
    // Every index ends with the primary key so its keys are unique: indexeddbshim's
    // cursors skip records when a run of equal keys crosses a preload batch (100 rows).
    this.version(1).stores({
      items: 'id, [state+notBefore+accountId+id], [createdAt+id]',
      transcript: '[itemId+connectionId+seq]',
      accounts: 'id',
      settings: 'key',
      sandboxMail: 'id, [receivedAt+id]',
      quarantine: 'id',
      secrets: 'accountId',
      drafts: 'id, [updatedAt+id]',
    });
    // No released version kept outbox rows here (they live in outbox.sqlite): the four tables go.
    this.version(2).stores({ items: null, transcript: null, quarantine: null, drafts: null });
  }
}

export const DATABASE_NAME = 'outbox-mail';

export async function openMailDatabase(factory: IndexedDbFactory, name = DATABASE_NAME): Promise<MailDatabase> {
  const db = new MailDatabase(name, factory);
  await db.open();
  return db;
}
