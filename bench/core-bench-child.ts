/**
 * The measured client: a whole core on the real SQLite store, in its own
 * process (one database folder per process). Prints one result line.
 *   throughput <dir> <sinkPort> <count> <bytes> [warmup]   submit through the router, wait until all are sent
 *   latency    <dir> <count> <ws 0|1>             held submits, timed one by one (router, then WebSocket bridge)
 *   seed       <dir> <sinkPort> <count> <bytes>   bulk-writes queued items into the store, spooler offline
 *   recover    <dir> <seeded> <drainSeconds>      starts a core on a seeded store and times recovery
 *   memory     <dir> <sinkPort>                   RSS growth for a chunked upload of a large file and its send
 */
import type { Account, OutboxItem } from '../shared/model';
import { createCore, type Core } from '../electron/core/create-core';
import { newEnvid, newId, newMessageId } from '../electron/core/outbox/ids';
import { BENCH_CONCURRENCY, BENCH_FROM, BENCH_TO, benchBody, cpuMsSince, emitResult } from './common';
import { installSqlCounter, peekSqlCounts, takeSqlCounts } from './sql-counter';
import { timeSubmits, timeSubmitsOverBridge } from './latency';
import { LIMITS } from '../shared/model';
import { MEMORY_FILE_BYTES, memoryFile, rssGrowth } from './memory';
import type { GroupStats, LatencyResult, MemoryResult, RecoveryResult, SeedResult, ThroughputResult } from './results';

installSqlCounter();

/** Group-commit counters since the last call. */
function groupCounter(core: Core): () => GroupStats {
  const read = (): GroupStats => ({ ...core.store.commit.stats, checkpoints: core.store.checkpointer.stats.checkpoints, catchUpMs: core.store.checkpointer.stats.catchUpMs });
  let last = read();
  return () => {
    const now = read();
    const delta = Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - last[k as keyof GroupStats]])) as unknown as GroupStats;
    last = now;
    return delta;
  };
}

const startCore = (dir: string) => createCore({ userDataDir: dir, host: 'browser', version: 'bench', spooler: { concurrency: BENCH_CONCURRENCY } });

/** The sink becomes an account the way Settings adds one, so the stored shape is always the current one. */
async function addSinkAccount(core: Core, port: number): Promise<Account> {
  const input = { name: 'Bench sink', fromName: 'Bench', fromAddress: BENCH_FROM, host: '127.0.0.1', port, security: 'none', auth: { mechanism: 'none', username: '' } };
  const saved = await core.router.handle('accounts.save', input);
  if (!saved.ok) throw new Error(`accounts.save refused the sink account: ${saved.error.message}`);
  return saved.value as Account;
}

/** Follows `outbox:changed`: when the first item went to sending, and when `count` items are sent. */
function watchStates(core: Core, count: number) {
  const watch = { phaseReadyAt: NaN, firstSendingAt: NaN, firstSentAt: NaN, sent: new Set<string>(), failed: 0, deferred: 0, transitions: 0, smtpLines: 0 };
  let resolveAll: () => void = () => undefined;
  const allSent = new Promise<void>((resolve) => (resolveAll = resolve));
  const stop = core.events.onAny((name, payload) => {
    if (name === 'smtp:response') watch.smtpLines++;
    if (name === 'app:status' && (payload as { phase?: string }).phase === 'ready' && Number.isNaN(watch.phaseReadyAt)) watch.phaseReadyAt = performance.now();
    if (name !== 'outbox:changed') return;
    const item = payload as OutboxItem;
    watch.transitions++;
    if (item.state === 'sending' && Number.isNaN(watch.firstSendingAt)) watch.firstSendingAt = performance.now();
    if (item.state === 'deferred') watch.deferred++;
    if (item.state === 'failed') watch.failed++;
    if (item.state === 'sent') {
      if (Number.isNaN(watch.firstSentAt)) watch.firstSentAt = performance.now();
      watch.sent.add(item.id);
      if (watch.sent.size >= count) resolveAll();
    }
  });
  return { watch, allSent, stop };
}

const within = (promise: Promise<void>, ms: number) => Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);

/** Sends `count` messages through the core, unmeasured, as the reference makes warm-up sends: the JIT's warm-up is not the core's speed. */
async function warmUp(core: Core, accountId: string, count: number, bytes: number): Promise<void> {
  if (count <= 0) return;
  const { allSent, stop } = watchStates(core, count);
  for (let i = 0; i < count; i++) {
    const sent = await core.router.handle('outbox.submit', { accountId, to: BENCH_TO, subject: `warm-up ${i}`, text: benchBody(bytes, -1 - i), delaySeconds: 0 });
    if (!sent.ok) throw new Error(`warm-up submit refused: ${sent.error.message}`);
  }
  const done = await within(allSent, 120_000);
  stop();
  if (!done) throw new Error('the warm-up sends did not finish');
}

async function throughput(dir: string, port: number, count: number, bytes: number, warmup: number): Promise<void> {
  const core = await startCore(dir);
  await core.ready;
  const account = await addSinkAccount(core, port);
  await warmUp(core, account.id, warmup, bytes);
  const bodies = Array.from({ length: count }, (_, i) => benchBody(bytes, i));
  const { watch, allSent } = watchStates(core, count);
  takeSqlCounts();
  const group = groupCounter(core);
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (process.env.BENCH_TRACE) {
    setInterval(() => {
      const c = peekSqlCounts();
      process.stderr.write(`${(performance.now() - started).toFixed(0)}ms sent=${watch.sent.size} begin=${c.begin} select=${c.select} rows=${c.rows} insert=${c.insert} sqlMs=${c.sqlMs.toFixed(0)}\n`);
    }, 500).unref();
  }
  // A burst, as when many messages are sent at once: every submit is in flight before the first one returns.
  const results = await Promise.all(
    bodies.map((text, i) => core.router.handle('outbox.submit', { accountId: account.id, to: BENCH_TO, subject: `bench ${i}`, text, delaySeconds: 0 })),
  );
  const submittedAt = performance.now();
  const refused = results.filter((r) => !r.ok).length;
  const complete = await within(allSent, 240_000);
  const ms = performance.now() - started;
  emitResult<ThroughputResult>({
    count,
    refused,
    complete,
    sent: watch.sent.size,
    failed: watch.failed,
    deferred: watch.deferred,
    ms,
    submitAllMs: submittedAt - started,
    firstSendingMs: watch.firstSendingAt - started,
    cpuMs: cpuMsSince(cpu),
    transitions: watch.transitions,
    smtpLines: watch.smtpLines,
    sql: takeSqlCounts(),
    group: group(),
  });
  process.exit(0);
}

async function latency(dir: string, count: number, overBridge: boolean): Promise<void> {
  const core = await startCore(dir);
  await core.ready;
  takeSqlCounts();
  const group = groupCounter(core);
  const router = await timeSubmits(core, count);
  const routerSql = takeSqlCounts();
  const routerGroup = group();
  const bridge = overBridge ? await timeSubmitsOverBridge(core, count) : null;
  emitResult<LatencyResult>({ router: { ...router, sql: routerSql, group: routerGroup }, bridge });
  process.exit(0);
}

async function seed(dir: string, port: number, count: number, bytes: number): Promise<void> {
  const core = await startCore(dir);
  // Offline: the spooler takes nothing, so every seeded item is still queued when this process ends.
  core.setOnline(false);
  await core.ready;
  const account = await addSinkAccount(core, port);
  // One real submit gives an item of the current shape; the rest are copies with their own identities.
  const held = await core.router.handle('outbox.submit', { accountId: account.id, to: BENCH_TO, subject: 'template', text: '', delaySeconds: 60 });
  if (!held.ok) throw new Error(`template submit refused: ${held.error.message}`);
  const template = held.value as OutboxItem;
  core.store.deleteItem(template.id);
  const started = performance.now();
  const now = Date.now();
  const CHUNK = 1000;
  for (let from = 0; from < count; from += CHUNK) {
    const items = Array.from({ length: Math.min(CHUNK, count - from) }, (_, k): OutboxItem => {
      const i = from + k;
      const at = now - count + i; // due already, oldest first
      return { ...template, id: newId(), messageId: newMessageId(account.from.address), envid: newEnvid(), subject: `seeded ${i}`, text: benchBody(bytes, i), createdAt: at, updatedAt: at, notBefore: at };
    });
    await core.store.commit.write(() => items.forEach((item) => core.store.insertItem(item)));
  }
  const ms = performance.now() - started;
  const stored = core.store.countInStates(['queued']);
  emitResult<SeedResult>({ count, stored, ms });
  process.exit(0);
}

async function recover(dir: string, total: number, drainSeconds: number): Promise<void> {
  const started = performance.now();
  const core = await startCore(dir);
  const createdAt = performance.now();
  const { watch, allSent } = watchStates(core, total);
  await core.ready;
  const readyAt = performance.now();
  const status = core.status();
  // First sending comes right after ready; wait for it before judging the drain.
  while (Number.isNaN(watch.firstSendingAt) && performance.now() - started < 30_000) await new Promise((r) => setTimeout(r, 5));
  const complete = await within(allSent, drainSeconds * 1000);
  const endedAt = performance.now();
  emitResult<RecoveryResult>({
    total,
    recoveryTotal: status.recovery.total,
    phase: status.phase,
    createCoreMs: createdAt - started,
    phaseReadyMs: watch.phaseReadyAt - started,
    readyMs: readyAt - started,
    firstSendingMs: watch.firstSendingAt - started,
    firstSentMs: watch.firstSentAt - started,
    complete,
    sent: watch.sent.size,
    drainMs: endedAt - started,
    // Sending rate once recovery is over, for the extrapolation when the drain is cut short.
    sendRate: watch.sent.size / ((endedAt - watch.firstSendingAt) / 1000),
  });
  process.exit(0);
}

/**
 * Upload as the window does (attachments.begin, base64 pieces of LIMITS.uploadChunkBytes, commit), then
 * send to the sink. The file's bytes exist before the baseline: they are the window's, not the core's.
 */
async function memory(dir: string, port: number): Promise<void> {
  const file = memoryFile();
  const core = await startCore(dir);
  await core.ready;
  const account = await addSinkAccount(core, port);
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await core.router.handle(name as never, input as never);
    if (!result.ok) throw new Error(`${name} refused: ${result.error.message}`);
    return result.value as T;
  };
  const growth = rssGrowth();
  const upload = rssGrowth();
  const { uploadId } = await call<{ uploadId: string }>('attachments.begin', { name: 'big.bin', type: 'application/octet-stream', size: file.length });
  for (let offset = 0; offset < file.length; offset += LIMITS.uploadChunkBytes) {
    const chunkBase64 = file.subarray(offset, offset + LIMITS.uploadChunkBytes).toString('base64');
    await call('attachments.append', { uploadId, offset, chunkBase64 });
  }
  const stored = await call<{ name: string; type: string; sha256: string }>('attachments.commit', { uploadId });
  const uploadRssGrowth = upload.stop();
  const sendOnly = rssGrowth();
  const { allSent, stop } = watchStates(core, 1);
  await call('outbox.submit', { accountId: account.id, to: BENCH_TO, subject: 'memory', text: 'A large file.', delaySeconds: 0, attachments: [{ name: stored.name, type: stored.type, sha256: stored.sha256 }] });
  const sent = await within(allSent, 120_000);
  stop();
  const sendRssGrowth = sendOnly.stop();
  emitResult<MemoryResult>({ fileBytes: MEMORY_FILE_BYTES, rssGrowth: growth.stop(), uploadRssGrowth, sendRssGrowth, sent });
  process.exit(0);
}

async function main(): Promise<void> {
  const [mode, dir, ...rest] = process.argv.slice(2);
  const n = rest.map(Number);
  if (!dir) throw new Error('usage: core-bench-child throughput|latency|seed|recover <dir> ...');
  if (mode === 'throughput') return throughput(dir, n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 0);
  if (mode === 'latency') return latency(dir, n[0] ?? 0, n[1] === 1);
  if (mode === 'seed') return seed(dir, n[0] ?? 0, n[1] ?? 0, n[2] ?? 0);
  if (mode === 'recover') return recover(dir, n[0] ?? 0, n[1] ?? 0);
  if (mode === 'memory') return memory(dir, n[0] ?? 0);
  throw new Error(`unknown mode ${mode}`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
