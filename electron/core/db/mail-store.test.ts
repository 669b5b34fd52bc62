import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../shared/model';
import { OutboxRepository } from '../outbox/repository';
import { recoverOutbox } from '../spooler/recovery';
import { makeItem } from '../../../testing/harness/fixtures';
import { tempDir } from '../../../testing/harness/test-core';
import { openMailStore } from './mail-store';

const T = 1_800_000_000_000;
const item = (i: number, state: OutboxItem['state']): OutboxItem =>
  makeItem({ id: `item-${String(i).padStart(5, '0')}`, state, messageId: `<${i}@x.test>`, createdAt: T, updatedAt: T, notBefore: T });

describe('the outbox store', () => {
  it('finds every due, listed and interrupted item when hundreds share a timestamp, and recovery requeues the interrupted ones', async () => {
    const store = openMailStore(join(tempDir(), 'outbox.sqlite'));
    const repo = new OutboxRepository(store, () => T + 5);
    await store.commit.write(() =>
      [
        ...Array.from({ length: 250 }, (_, i) => item(i, 'queued')),
        ...Array.from({ length: 250 }, (_, i) => item(1000 + i, 'sent')),
        ...Array.from({ length: 150 }, (_, i) => item(2000 + i, 'sending')),
      ].forEach((it) => store.insertItem(it)),
    );
    const waiting = store.waitingEntries(['queued', 'deferred']);
    expect(waiting).toHaveLength(250);
    expect(waiting[0]).toEqual({ id: 'item-00000', accountId: 'account-01', notBefore: T });
    expect(await repo.list()).toHaveLength(650);
    expect(store.countUnsentOf('account-01')).toBe(400);

    const report = await recoverOutbox(store, () => T + 5);
    expect(report.requeued).toHaveLength(150);
    expect(report.total).toBe(400);
    expect(store.waitingEntries(['queued', 'deferred'])).toHaveLength(400);
    store.close();
  });

  it('says ILLEGAL_STATE for a transition from the wrong state and leaves the item as it was', async () => {
    const store = openMailStore(join(tempDir(), 'outbox.sqlite'));
    const repo = new OutboxRepository(store);
    await repo.add(item(1, 'sent'));
    await expect(repo.transition('item-00001', ['queued'], { state: 'sending' })).rejects.toMatchObject({ appError: { code: 'ILLEGAL_STATE' } });
    await expect(repo.transition('nope', ['queued'], { state: 'sending' })).rejects.toMatchObject({ appError: { code: 'NOT_FOUND' } });
    expect((await repo.get('item-00001')).state).toBe('sent');
    store.close();
  });

  it('refuses a file written by a newer version instead of guessing its layout', () => {
    const file = join(tempDir(), 'outbox.sqlite');
    openMailStore(file).close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openMailStore(file)).toThrow(/newer version of the app \(schema 99\)/);
  });

  it('brings a store of schema 1 up to date at open, keeping its transcript lines and their count', async () => {
    const file = join(tempDir(), 'outbox.sqlite');
    // The layout version 1 wrote: one transcript line per row, no line count.
    const raw = new Database(file);
    raw.exec(`
      CREATE TABLE items (id TEXT PRIMARY KEY, state TEXT NOT NULL, not_before INTEGER NOT NULL, account_id TEXT NOT NULL, created_at INTEGER NOT NULL, json TEXT NOT NULL);
      CREATE INDEX items_due ON items (state, not_before, account_id, id);
      CREATE INDEX items_created ON items (created_at, id);
      CREATE TABLE drafts (id TEXT PRIMARY KEY, updated_at INTEGER NOT NULL, json TEXT NOT NULL);
      CREATE INDEX drafts_updated ON drafts (updated_at, id);
      CREATE TABLE transcript (item_id TEXT NOT NULL, connection_id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (item_id, connection_id, seq)) WITHOUT ROWID;
      CREATE TABLE quarantine (id TEXT PRIMARY KEY, at INTEGER NOT NULL, reason TEXT NOT NULL, row TEXT NOT NULL);
    `);
    const line = (seq: number) => ({ itemId: 'item-a', connectionId: 'c0', seq, at: T + seq, direction: 'server' as const, text: `250 line ${seq}` });
    for (const seq of [0, 1]) raw.prepare('INSERT INTO transcript VALUES (?, ?, ?, ?)').run('item-a', 'c0', seq, JSON.stringify(line(seq)));
    raw.pragma('user_version = 1');
    raw.close();

    const store = openMailStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(2);
    expect(store.countLines('item-a')).toBe(2);
    await store.commit.write(() => store.addLines([line(2), line(3), line(4)].map((l) => ({ ...l, connectionId: 'c1' }))));
    expect(store.countLines('item-a')).toBe(5);
    expect(store.linesOf('item-a').map((l) => l.text).sort()).toEqual([0, 1, 2, 3, 4].map((n) => `250 line ${n}`));
    store.close();
  });
});
