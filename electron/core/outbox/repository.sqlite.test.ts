/**
 * On the real SQLite store, with many items sharing one timestamp: the
 * queries the spooler and recovery rely on must see every one of them.
 * (indexeddbshim skips records when equal index keys straddle a cursor batch;
 * our indexes are unique to stay clear of that.)
 */
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../shared/model';
import { makeItem } from '../testing/fixtures';
import { itemsInState, openMailDatabase, stateIndexEntries } from '../db/database';
import { sqliteIndexedDb } from '../db/sqlite-indexeddb';
import { recoverOutbox } from '../spooler/recovery';
import { tempDir } from '../testing/test-core';
import { OutboxRepository } from './repository';

const T = 1_800_000_000_000;
const item = (i: number, state: OutboxItem['state']): OutboxItem =>
  makeItem({ id: `item-${String(i).padStart(5, '0')}`, state, messageId: `<${i}@x.test>`, createdAt: T, updatedAt: T, notBefore: T });

describe('outbox queries on the SQLite store', () => {
  it('finds every due, listed and interrupted item when hundreds share a timestamp', async () => {
    const db = await openMailDatabase(sqliteIndexedDb(tempDir()));
    const repo = new OutboxRepository(db);
    await db.items.bulkAdd([
      ...Array.from({ length: 250 }, (_, i) => item(i, 'queued')),
      ...Array.from({ length: 250 }, (_, i) => item(1000 + i, 'sent')),
      ...Array.from({ length: 150 }, (_, i) => item(2000 + i, 'sending')),
    ]);
    const waiting = await stateIndexEntries(db, ['queued', 'deferred']);
    expect(waiting).toHaveLength(250);
    expect(waiting[0]).toEqual({ id: 'item-00000', accountId: 'account-01', notBefore: T });
    expect(await itemsInState(db, 'queued', T - 1).count()).toBe(0);
    expect(await repo.list()).toHaveLength(650);

    const report = await recoverOutbox(db, () => T + 5);
    expect(report.requeued).toHaveLength(150);
    expect(report.total).toBe(400);
    expect(await stateIndexEntries(db, ['queued', 'deferred'])).toHaveLength(400);
    db.close();
  });
});
