import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeItem } from '../testing/fixtures';
import { tempDir } from '../testing/test-core';
import { openMailStore } from './mail-store';

describe('Checkpointer', () => {
  it('copies the log into the database file from its worker while writes go on', async () => {
    const dir = tempDir();
    const file = join(dir, 'outbox.sqlite');
    const store = openMailStore(file);
    for (let i = 0; i < 450; i++) await store.commit.write(() => store.insertItem(makeItem({ id: `item-${i}`, state: 'queued' })));
    await expect.poll(() => store.checkpointer.stats.checkpoints, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(store.checkpointer.stats.failures).toBe(0);
    // The database file alone, without its log, already holds what was checkpointed.
    const copy = join(dir, 'file-alone.sqlite');
    copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    expect((alone.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBeGreaterThanOrEqual(200);
    alone.close();
    store.close();
  });
});
