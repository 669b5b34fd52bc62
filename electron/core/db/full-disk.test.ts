/**
 * A full disk, for real: the core runs in a child process whose file-size
 * limit (ulimit -f) stops SQLite from growing the outbox store, so writes and
 * COMMITs start to fail. Every submit either reaches the disk or says
 * STORAGE_FAILED, and the store holds exactly what was accepted.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChild } from '../../../testing/harness/build-child';
import { tempDir } from '../../../testing/harness/test-core';

let child: string;
beforeAll(async () => {
  child = await buildChild('testing/harness/core-child.ts');
}, 30_000);

type SubmitResult = { ok: true; id: string } | { ok: false; error: { code: string; message: string } };

describe('durable submit on a full disk', () => {
  it('never reports queued what is not on disk, and says so when the disk is full', () => {
    const dir = tempDir();
    // 256 KiB: room for the empty store and a few 40 kB messages, not for twelve.
    const out = execFileSync('bash', ['-c', `trap "" XFSZ; ulimit -f 256; exec node "$0" submit "$1" 12 40000`, child, dir], { encoding: 'utf8' });
    const results = out.trim().split('\n').map((line) => JSON.parse(line) as SubmitResult);
    const accepted = results.flatMap((r) => (r.ok ? [r.id] : []));
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(results).toHaveLength(12);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error.code).toBe('STORAGE_FAILED');
      expect(error.message).toMatch(/Could not save to disk .*Nothing was queued/);
    }

    // Read the store back with no limit: exactly the accepted messages are there.
    const stored = JSON.parse(execFileSync('node', [child, 'list', dir], { encoding: 'utf8' })) as { id: string; state: string }[];
    expect(stored.map((i) => i.id).sort()).toEqual([...accepted].sort());
    expect(stored.every((i) => i.state === 'queued')).toBe(true);
  }, 60_000);
});
