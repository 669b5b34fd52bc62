/**
 * `npm run test:crash`: the core runs in a child process on the SQLite store,
 * sending to a recorder that outlives it, and is killed with SIGKILL again
 * and again: at random moments, in the middle of DATA, and between the final
 * dot and the server's 250. After the last restart drains the queue, every
 * message whose submit was confirmed must have arrived; a duplicate is allowed
 * only for a message flagged as handed off when the process died.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildChild } from '../testing/build-child';
import { tempDir } from '../testing/test-core';
import { startRecorder, type KillPoint, type Recorder } from './recorder';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 50);
// Random kills can land before a cycle's submits are all confirmed; 10 a cycle keeps the total well above the 300 the suite promises.
const PER_CYCLE = Number(process.env.CRASH_PER_CYCLE ?? 10);

let child: string;
let recorder: Recorder;
beforeAll(async () => {
  child = await buildChild('electron/core/testing/core-child.ts');
  recorder = await startRecorder();
}, 30_000);
afterAll(() => recorder?.close());

interface CycleResult {
  submitted: Map<string, string>;
  drained: boolean;
}

/** One life of the core: submit, send, and (unless `killPoint` is null and no delay) die. */
function runCycle(dir: string, tag: string, count: number, killPoint: KillPoint, killAfterMs: number | null): Promise<CycleResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, 'crash', dir, String(recorder.port), String(count), tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: CycleResult = { submitted: new Map(), drained: false };
    let stderr = '';
    const kill = () => proc.kill('SIGKILL');
    recorder.arm(killPoint, kill);
    const timer = killAfterMs === null ? null : setTimeout(kill, killAfterMs);
    proc.stderr.on('data', (d) => (stderr += String(d)));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const [word, id, messageId] = line.split(' ');
      if (word === 'submitted' && id && messageId) result.submitted.set(id, messageId);
      if (word === 'drained') result.drained = true;
    });
    // 'close', not 'exit': it comes after the child's output has all been read.
    proc.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      recorder.arm(null, () => undefined);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve(result);
    });
  });
}

it(`survives ${CYCLES} kills without losing a message`, async () => {
  const dir = tempDir();
  const submitted = new Map<string, string>();
  const points: KillPoint[] = ['mid-data', 'after-dot', null];
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const point = points[cycle % points.length] ?? null;
    // Targeted kills wait for their moment; a random kill may land anywhere, start-up and recovery included.
    const delay = point ? 5000 : 30 + Math.floor(Math.random() * 600);
    const { submitted: confirmed } = await runCycle(dir, `c${cycle}`, PER_CYCLE, point, delay);
    for (const [id, messageId] of confirmed) submitted.set(id, messageId);
  }
  const final = await runCycle(dir, 'final', 0, null, null);
  expect(final.drained).toBe(true);

  const items = await new Promise<{ id: string; messageId: string; warnings: string[]; state: string }[]>((resolve, reject) => {
    const proc = spawn(process.execPath, [child, 'list', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += String(d)));
    proc.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`list failed: ${code}`);
        resolve(JSON.parse(out));
      } catch (error) {
        reject(error);
      }
    });
  });
  const byMessageId = new Map(items.map((i) => [i.messageId, i]));
  const copies = new Map<string, number>();
  for (const r of recorder.received) copies.set(r.messageId, (copies.get(r.messageId) ?? 0) + 1);
  // Copies are told apart by subject: every copy of one subject must carry one Message-ID.
  const idsBySubject = new Map<string, Set<string>>();
  for (const r of recorder.received) idsBySubject.set(r.subject, (idsBySubject.get(r.subject) ?? new Set()).add(r.messageId));

  const lost = [...submitted.values()].filter((messageId) => !copies.has(messageId));
  const duplicated = [...copies].filter(([, n]) => n > 1).map(([messageId]) => messageId);
  const unflagged = duplicated.filter((messageId) => !byMessageId.get(messageId)?.warnings.includes('POSSIBLE_DUPLICATE'));
  const mixedIds = [...idsBySubject].filter(([, ids]) => ids.size > 1);

  console.log(
    `crash: cycles=${CYCLES} messages=${submitted.size} lost=${lost.length} duplicates=${duplicated.length} (${unflagged.length ? `${unflagged.length} NOT after handoff` : 'all after handoff'})`,
  );
  expect(submitted.size).toBeGreaterThanOrEqual(300);
  expect(lost).toEqual([]);
  expect(unflagged).toEqual([]);
  expect(mixedIds).toEqual([]);
  expect(items.filter((i) => i.state !== 'sent')).toEqual([]);
}, 900_000);
