/**
 * The durable store: Dexie over IndexedDB. In the app IndexedDB is
 * indexeddbshim's SQLite file under the user-data folder; unit tests may hand
 * in fake-indexeddb instead. Only this module knows the table layout.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Account, OutboxItem, SandboxMessage, TranscriptEntry } from '../../../shared/model';

export interface StoredTranscriptEntry extends TranscriptEntry {
  key?: number;
}
export interface SettingRow {
  key: string;
  value: unknown;
}
export type IndexedDbFactory = Required<Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>>;

export class MailDatabase extends Dexie {
  items!: Table<OutboxItem, string>;
  transcript!: Table<StoredTranscriptEntry, number>;
  accounts!: Table<Account, string>;
  settings!: Table<SettingRow, string>;
  sandboxMail!: Table<SandboxMessage, string>;

  constructor(name: string, factory: IndexedDbFactory) {
    super(name, { indexedDB: factory.indexedDB, IDBKeyRange: factory.IDBKeyRange });
    // Schema versions only ever grow; a new version gets its own block below.
    this.version(1).stores({
      items: 'id, state, notBefore, createdAt, accountId',
      transcript: '++key, itemId',
      accounts: 'id',
      settings: 'key',
      sandboxMail: 'id, receivedAt',
    });
  }
}

export const DATABASE_NAME = 'outbox-mail';

export async function openMailDatabase(factory: IndexedDbFactory, name = DATABASE_NAME): Promise<MailDatabase> {
  const db = new MailDatabase(name, factory);
  await db.open();
  return db;
}
