import { fsync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { tempDir } from '../../../testing/harness/test-core';
import { GroupCommit, LAZY_SYNC_MS, type SyncFile } from './group-commit';

function table() {
  const file = join(tempDir(), 'g.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  const put = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  const rows = () => db.prepare('SELECT k, v FROM t ORDER BY k').all();
  return { file, db, put, rows, commit: new GroupCommit(db, `${file}-wal`) };
}

describe('GroupCommit', () => {
  it('puts the writes of one turn in one transaction and resolves each only after the commit', async () => {
    const { put, rows, commit } = table();
    const seenBeforeCommit: unknown[] = [];
    const writes = Array.from({ length: 50 }, (_, i) =>
      commit.write(() => {
        put.run(`k${String(i).padStart(2, '0')}`, i);
        return i;
      }),
    );
    // Nothing is written until the group runs, and nothing resolves before it is committed.
    seenBeforeCommit.push(...rows());
    expect(await Promise.all(writes)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(seenBeforeCommit).toEqual([]);
    expect(rows()).toHaveLength(50);
    expect(commit.stats).toEqual({ commits: 1, syncs: 1, writes: 50 });
  });

  it('undoes a write that throws, alone: the others in its group are committed', async () => {
    const { put, rows, commit } = table();
    const first = commit.write(() => put.run('a', 1));
    const failing = commit.write(() => {
      put.run('b', 2);
      throw new AppFailure('ILLEGAL_STATE', 'no');
    });
    const duplicate = commit.write(() => put.run('a', 3)); // primary key taken
    const last = commit.write(() => put.run('c', 4));
    await expect(failing).rejects.toMatchObject({ appError: { code: 'ILLEGAL_STATE' } });
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    await first;
    await last;
    expect(rows()).toEqual([
      { k: 'a', v: 1 },
      { k: 'c', v: 4 },
    ]);
  });

  it('reports STORAGE_FAILED when the disk refuses the write, and nothing of it stays', async () => {
    const { db, put, rows, commit } = table();
    await commit.write(() => put.run('kept', 1));
    // A read-only switch makes SQLite refuse the transaction the way a failing disk does (SQLITE_READONLY).
    db.pragma('query_only = ON');
    const writes = [commit.write(() => put.run('x', 1)), commit.write(() => put.run('y', 2))];
    for (const w of writes) await expect(w).rejects.toMatchObject({ appError: { code: 'STORAGE_FAILED' } });
    db.pragma('query_only = OFF');
    expect(rows()).toEqual([{ k: 'kept', v: 1 }]);
    expect(db.inTransaction).toBe(false);
    // The queue goes on after a failed group.
    await commit.write(() => put.run('after', 2));
    expect(rows()).toHaveLength(2);
  });

  it('runs two fsyncs at once, has the writes committed meanwhile share the next, and resolves a non-durable write at COMMIT', async () => {
    const { db, file, put } = table();
    // fsyncs that end only when the test says, so what waits for which is known.
    const running: (() => void)[] = [];
    const heldSync: SyncFile = (fd, callback) => void running.push(() => fsync(fd, callback));
    const commit = new GroupCommit(db, `${file}-wal`, undefined, heldSync);
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const done: string[] = [];
    const a = commit.write(() => put.run('a', 1)).then(() => done.push('a'));
    await turn();
    const b = commit.write(() => put.run('b', 1)).then(() => done.push('b'));
    await turn();
    // Two fsyncs under way: b's did not wait for a's to end.
    expect(running).toHaveLength(2);
    const c = Array.from({ length: 5 }, (_, i) => commit.write(() => put.run(`c${i}`, i)).then(() => done.push(`c${i}`)));
    const quick = commit.write(() => put.run('d', 1), { durable: false }).then(() => done.push('d committed'));
    await quick;
    await turn();
    expect(running).toHaveLength(2); // the c writes wait for a free fsync
    expect(done).toEqual(['d committed']);

    // b's fsync ends first: it started after a's COMMIT too, so a is on disk as well.
    running[1]?.();
    await Promise.all([a, b]);
    expect(done).toEqual(['d committed', 'a', 'b']);
    // The five c writes share the next fsync; a's own, ending late, resolves nothing more.
    running[0]?.();
    await turn();
    expect(running).toHaveLength(3);
    running[2]?.();
    await Promise.all(c);
    expect(done.slice(3)).toHaveLength(5);
    expect(commit.stats).toEqual({ commits: 3, syncs: 3, writes: 8 });
  });

  it('lets a lazy write ride on the next urgent fsync, and starts one itself when none comes', async () => {
    const { db, file, put } = table();
    const syncs: number[] = [];
    const counted: SyncFile = (fd, callback) => {
      syncs.push(performance.now());
      fsync(fd, callback);
    };
    const commit = new GroupCommit(db, `${file}-wal`, undefined, counted);
    let lazyDone = false;
    const lazy = commit.write(() => put.run('outcome', 1), { durable: 'lazy' }).then(() => (lazyDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    // Committed, but no fsync started for it yet.
    expect(commit.stats.commits).toBe(1);
    expect(syncs).toHaveLength(0);
    await commit.write(() => put.run('handoff', 2));
    expect(lazyDone).toBe(true);
    // Two transactions, one fsync: the urgent write's fsync carried the lazy one too.
    expect(commit.stats).toEqual({ commits: 2, syncs: 1, writes: 2 });
    await lazy;

    // Alone, a lazy write waits at most LAZY_SYNC_MS for company, then syncs by itself.
    const started = performance.now();
    await commit.write(() => put.run('alone', 3), { durable: 'lazy' });
    expect(syncs).toHaveLength(2);
    expect((syncs[1] ?? 0) - started).toBeGreaterThanOrEqual(LAZY_SYNC_MS - 1);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
  });

  it('fails every group still waiting when one of two fsyncs under way fails, and the other, ending well later, says nothing was done', async () => {
    const { db, file, put } = table();
    const running: ((error: NodeJS.ErrnoException | null) => void)[] = [];
    const heldSync: SyncFile = (_fd, callback) => void running.push(callback);
    const commit = new GroupCommit(db, `${file}-wal`, undefined, heldSync);
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const settled: string[] = [];
    const track = (name: string, write: Promise<unknown>) => write.then(() => settled.push(`${name} done`), () => settled.push(`${name} failed`));
    const a = track('a', commit.write(() => put.run('a', 1)));
    await turn();
    const b = track('b', commit.write(() => put.run('b', 1)));
    await turn();
    expect(running).toHaveLength(2);
    // The second fsync fails (an I/O error): nothing written since can be said to be on disk, a's write included.
    running[1]?.(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await Promise.all([a, b]);
    expect(settled.sort()).toEqual(['a failed', 'b failed']);
    running[0]?.(null);
    await turn();
    expect(settled).toHaveLength(2);
    await expect(commit.write(() => put.run('c', 1))).rejects.toMatchObject({ appError: { code: 'STORAGE_FAILED' } });
  });

  it('gives a lazy write still waiting its fsync when the store closes', async () => {
    const { db, file, put } = table();
    const commit = new GroupCommit(db, `${file}-wal`);
    let done = false;
    const lazy = commit.write(() => put.run('last', 1), { durable: 'lazy' }).then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(commit.stats.commits).toBe(1);
    expect(done).toBe(false);
    commit.close();
    db.close();
    await lazy;
    expect(done).toBe(true);
  });

  it('fails every write after an fsync fails, rather than say done of what may not be on disk', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'g.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    const commit = new GroupCommit(db, join(dir, 'no-such-log')); // fsync cannot even open it
    await expect(commit.write(() => db.prepare('INSERT INTO t VALUES (?)').run('a'))).rejects.toMatchObject({ appError: { code: 'STORAGE_FAILED' } });
    await expect(commit.write(() => 1)).rejects.toMatchObject({ appError: { code: 'STORAGE_FAILED' } });
  });

  it('keeps what it said was committed across a reopen', async () => {
    const { file, db, put, commit } = table();
    await Promise.all([commit.write(() => put.run('a', 1)), commit.write(() => put.run('b', 2))]);
    db.close();
    const again = new Database(file, { readonly: true });
    expect(again.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    again.close();
  });
});
