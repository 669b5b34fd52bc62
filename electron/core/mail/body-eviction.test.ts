import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyCacheLimit, bodiesToEvict, type BodyRowRef, type CachedBody } from './body-eviction';
import { BodyFiles } from './body-files';

const body = (sha: string, bytes: number, date: number, pinned = false): CachedBody => ({ sha, bytes, date, pinned });

describe('bodiesToEvict', () => {
  it('removes the oldest bodies until the total fits the limit', () => {
    const bodies = [body('new', 100, 3), body('old', 100, 1), body('mid', 100, 2)];
    expect(bodiesToEvict(bodies, 300)).toEqual([]);
    expect(bodiesToEvict(bodies, 250)).toEqual(['old']);
    expect(bodiesToEvict(bodies, 100)).toEqual(['old', 'mid']);
    expect(bodiesToEvict(bodies, 0)).toEqual(['old', 'mid', 'new']);
  });

  it('keeps everything when there is no limit', () => {
    expect(bodiesToEvict([body('a', 10 ** 12, 1)], null)).toEqual([]);
  });

  it('never picks a pinned body (open, a draft, the sandbox), which still counts toward the total', () => {
    const bodies = [body('open-old', 100, 1, true), body('draft', 100, 2, true), body('plain', 100, 3)];
    expect(bodiesToEvict(bodies, 150)).toEqual(['plain']);
    expect(bodiesToEvict(bodies, 0)).toEqual(['plain']);
  });
});

describe('BodyCacheLimit', () => {
  it('removes the files of the oldest mail past the limit, keeps the open one and drafts; an evicted body can be written again', async () => {
    const files = new BodyFiles(mkdtempSync(join(tmpdir(), 'bodies-')));
    const sha = (n: number) => files.put(Buffer.alloc(1000, n));
    const rows: BodyRowRef[] = [
      { id: 'm1', body_sha: sha(1), date: 1, account_id: 'a', role: 'inbox' },
      { id: 'm2', body_sha: sha(2), date: 2, account_id: 'a', role: 'drafts' },
      { id: 'm3', body_sha: sha(3), date: 3, account_id: 'a', role: 'inbox' },
      { id: 'm4', body_sha: sha(4), date: 4, account_id: 'a', role: 'inbox' },
      { id: 'm5', body_sha: sha(5), date: 5, account_id: 'a', role: 'inbox' },
    ];
    let openId = 'm1';
    const limit = new BodyCacheLimit(files, () => rows, (r) => r.id === openId || r.role === 'drafts', null);
    expect(await limit.enforce()).toBe(0);

    expect(await limit.setLimit(3000)).toBe(2);
    const onDisk = () => rows.filter((r) => files.has(r.body_sha)).map((r) => r.id);
    expect(onDisk()).toEqual(['m1', 'm2', 'm5']);

    // Reading m3 again brings its body back; with m3 open, the next pass drops m1 (no longer open) and m5 stays the newest.
    files.put(Buffer.alloc(1000, 3));
    openId = 'm3';
    expect(await limit.enforce()).toBe(1);
    expect(onDisk()).toEqual(['m2', 'm3', 'm5']);
  });
});

describe('BodyCacheLimit.schedule', () => {
  it('runs one pass for many writes in a row, and none when keeping everything', async () => {
    const files = new BodyFiles(mkdtempSync(join(tmpdir(), 'bodies-')));
    let passes = 0;
    const rows = (): BodyRowRef[] => {
      passes++;
      return [];
    };
    const limit = new BodyCacheLimit(files, rows, () => false, 1000);
    for (let i = 0; i < 50; i++) limit.schedule(20, (error) => { throw error; });
    await new Promise((r) => setTimeout(r, 200));
    expect(passes).toBe(1);
    const none = new BodyCacheLimit(files, rows, () => false, null);
    none.schedule(1, () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(passes).toBe(1);
  });
});
