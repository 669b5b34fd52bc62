/**
 * The durable store: Dexie over IndexedDB. In the app IndexedDB is
 * indexeddbshim's SQLite file under the user-data folder; unit tests may hand
 * in fake-indexeddb instead. Only this module knows the table layout.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Account, Draft, OutboxItem, OutboxState, SandboxMessage, TranscriptEntry } from '../../../shared/model';

/** A stored item that could not be read or did not validate: set aside, never dropped. */
export interface QuarantineRow {
  id: string;
  at: number;
  reason: string;
  /** The row as it was read, when it could be read at all. */
  row: unknown;
}
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
  items!: Table<OutboxItem, string>;
  transcript!: Table<TranscriptEntry, [string, string, number]>;
  accounts!: Table<Account, string>;
  settings!: Table<SettingRow, string>;
  sandboxMail!: Table<SandboxMessage, string>;
  quarantine!: Table<QuarantineRow, string>;
  secrets!: Table<SecretRow, string>;
  drafts!: Table<Draft, string>;

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
  }
}

const STATE_INDEX = '[state+notBefore+accountId+id]';

/** Items in one state whose notBefore is at most `upTo`, in notBefore order. */
export function itemsInState(db: MailDatabase, state: OutboxState, upTo: number = Infinity) {
  const high = upTo === Infinity ? Dexie.maxKey : upTo;
  return db.items.where(STATE_INDEX).between([state, Dexie.minKey, Dexie.minKey, Dexie.minKey], [state, high, Dexie.maxKey, Dexie.maxKey], true, true);
}

/** id, account and notBefore of every item in these states, read from the index alone (no item is decoded). */
export async function stateIndexEntries(db: MailDatabase, states: readonly OutboxState[]): Promise<{ id: string; accountId: string; notBefore: number }[]> {
  const keys = (await Promise.all(states.map((state) => itemsInState(db, state).keys()))).flat() as unknown as [string, number, string, string][];
  return keys.map(([, notBefore, accountId, id]) => ({ id, accountId, notBefore }));
}

export const DATABASE_NAME = 'outbox-mail';

export async function openMailDatabase(factory: IndexedDbFactory, name = DATABASE_NAME): Promise<MailDatabase> {
  const db = new MailDatabase(name, factory);
  await db.open();
  return db;
}
