import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../testing/harness/fixtures';
import { tempDir } from '../../../testing/harness/test-core';
import { Checkpointer, unpackedPath } from './checkpointer';
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

  it('has the log start over after checkpoints: it stays near one interval long instead of growing with every commit', async () => {
    const file = join(tempDir(), 'outbox.sqlite');
    const store = openMailStore(file);
    const frames = () => statSync(`${file}-wal`).size / (4096 + 24);
    const insert = (i: number) => store.commit.write(() => store.insertItem(makeItem({ id: `item-${i}`, state: 'queued' })));
    // Before the first checkpoint (every 200 commits) the log only grows: what one commit adds.
    for (let i = 0; i < 100; i++) await insert(i);
    const perCommit = frames() / 100;
    for (let i = 100; i < 1200; i++) await insert(i);
    await expect.poll(() => store.checkpointer.stats.checkpoints, { timeout: 5000 }).toBeGreaterThanOrEqual(5);
    // Never started over, it would hold all 1,200 commits' frames; measured here it holds about a fifth.
    expect(frames()).toBeLessThan((perCommit * 1200) / 2);
    expect(store.checkpointer.stats.failures).toBe(0);
    store.close();
  });

  it('gives its worker real paths: the unpacked copy of a module packed in the app archive', () => {
    expect(unpackedPath('/opt/Outbox Mail/resources/app.asar/node_modules/better-sqlite3/lib/index.js')).toBe(
      '/opt/Outbox Mail/resources/app.asar.unpacked/node_modules/better-sqlite3/lib/index.js',
    );
    expect(unpackedPath('C:\\Program Files\\Outbox Mail\\resources\\app.asar\\node_modules\\better-sqlite3\\build\\Release\\better_sqlite3.node')).toBe(
      'C:\\Program Files\\Outbox Mail\\resources\\app.asar.unpacked\\node_modules\\better-sqlite3\\build\\Release\\better_sqlite3.node',
    );
    // Outside an archive (development, tests) a path is left as it is.
    expect(unpackedPath('/work/main/node_modules/better-sqlite3/lib/index.js')).toBe('/work/main/node_modules/better-sqlite3/lib/index.js');
  });

  it('reports a catch-up that fails to the log, and goes on checkpointing', async () => {
    const file = join(tempDir(), 'outbox.sqlite');
    const store = openMailStore(file);
    const errors: string[] = [];
    const checkpointer = new Checkpointer(file, (message) => errors.push(message), () => {
      throw new Error('database is locked');
    });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 200; i++) checkpointer.committed();
      await expect.poll(() => checkpointer.stats.checkpoints, { timeout: 5000 }).toBe(round + 1);
    }
    expect(errors).toEqual(['database is locked', 'database is locked']);
    expect(checkpointer.stats.failures).toBe(0);
    checkpointer.close();
    store.close();
  });
});
