/**
 * Damaged store files are never silent (issue 13, item 4): a write-ahead log
 * cut mid-frame, an emptied outbox.sqlite after a clean stop, and one emptied
 * after kill -9 with its log left. Real files, a real SQLite store; the
 * writer is killed for real (a child process that exits without closing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../shared/model';
import { buildChild } from '../../../testing/harness/build-child';
import { startTestCore, tempDir, type TestCore } from '../../../testing/harness/test-core';

let child: string;
beforeAll(async () => {
  child = await buildChild('testing/harness/core-child.ts');
}, 30_000);

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** Submits held messages in a child that then exits without closing the store (its log stays, as after kill -9). */
function submitAndDie(dir: string, count: number): string[] {
  const out = execFileSync('node', [child, 'submit', dir, String(count), '100'], { encoding: 'utf8' });
  return out.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
}

describe('a damaged outbox store', () => {
  it('a log cut mid-frame: the loss is detected and named, the files kept aside untouched, the rest kept', async () => {
    const dir = tempDir();
    const ids = submitAndDie(dir, 8);
    const wal = join(dir, 'outbox.sqlite-wal');
    // Cut 40% into the log, at an odd offset: inside a frame.
    const cut = Math.floor(statSync(wal).size * 0.4) + 13;
    truncateSync(wal, cut);
    const cutBytes = readFileSync(wal);

    core = await startTestCore({ userDataDir: dir });
    await core.ready;
    const damage = core.status().storage?.damage;
    expect(damage).toBeTruthy();
    const kept = (core.listOutbox()).map((i) => i.id);
    expect(damage!.lost.length).toBeGreaterThan(0);
    expect(damage!.kept.items).toBe(kept.length);
    expect(damage!.lost.length + kept.length).toBe(8);
    expect([...damage!.lost.map((l) => l.id), ...kept].sort()).toEqual([...ids].sort());
    expect(damage!.lost.every((l) => l.kind === 'item' && /^m\d$/.test(l.subject))).toBe(true);
    // The damaged files, as they were found.
    expect(readFileSync(join(damage!.folder, 'outbox.sqlite-wal')).equals(cutBytes)).toBe(true);
    expect(JSON.parse(readFileSync(join(damage!.folder, 'report.json'), 'utf8'))).toMatchObject({ lost: damage!.lost });

    // Reported once: the next start finds the store as the record now says.
    await core.close();
    core = await startTestCore({ userDataDir: dir });
    await core.ready;
    expect(core.status().storage?.damage).toBeNull();
  });

  it('an outbox.sqlite emptied after a clean stop is reported, not opened as an empty store', async () => {
    const dir = tempDir();
    core = await startTestCore({ userDataDir: dir });
    const items = await Promise.all(['One', 'Two', 'Three'].map((subject) => core!.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject, text: 'x', delaySeconds: 60 })));
    await core.call('drafts.save', { to: '', cc: '', bcc: '', subject: 'Unfinished', text: 'y', attachments: [] });
    await core.close();
    writeFileSync(join(dir, 'outbox.sqlite'), '');

    core = await startTestCore({ userDataDir: dir });
    await core.ready;
    const damage = core.status().storage?.damage;
    expect(damage?.lost.map((l) => l.subject).sort()).toEqual(['One', 'Three', 'Two', 'Unfinished']);
    expect(damage?.lost.filter((l) => l.kind === 'item').map((l) => l.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(damage?.kept).toEqual({ items: 0, drafts: 0 });
    expect(statSync(join(damage!.folder, 'outbox.sqlite')).size).toBe(0);
  });

  it('an outbox.sqlite emptied after kill -9, its log left: the log is kept aside before SQLite can drop it', async () => {
    const dir = tempDir();
    const ids = submitAndDie(dir, 5);
    const walBytes = readFileSync(join(dir, 'outbox.sqlite-wal'));
    expect(walBytes.length).toBeGreaterThan(0);
    writeFileSync(join(dir, 'outbox.sqlite'), '');

    core = await startTestCore({ userDataDir: dir });
    await core.ready;
    const damage = core.status().storage?.damage;
    expect(damage).toBeTruthy();
    const kept = (core.listOutbox()).map((i) => i.id);
    expect(damage!.lost.length + kept.length).toBe(5);
    expect([...damage!.lost.map((l) => l.id), ...kept].sort()).toEqual([...ids].sort());
    expect(existsSync(join(damage!.folder, 'outbox.sqlite-wal'))).toBe(true);
    expect(readFileSync(join(damage!.folder, 'outbox.sqlite-wal')).equals(walBytes)).toBe(true);
  });

  it('a healthy store after a kill -9 is not reported damaged', async () => {
    const dir = tempDir();
    submitAndDie(dir, 4);
    core = await startTestCore({ userDataDir: dir });
    await core.ready;
    expect(core.status().storage?.damage).toBeNull();
    expect(core.listOutbox()).toHaveLength(4);
  });
});
