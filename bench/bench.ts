/**
 * `npm run bench` (scripts/bench.mjs bundles this and the children, then runs it).
 * One run, three parts, each against a reference measured in the same run:
 *   1. throughput: the core on SQLite sending N messages to a fast sink, vs a plain nodemailer loop
 *   2. submit latency: IPC call → durable write, through the router and the WebSocket bridge
 *   3. recovery: a fresh core on a store holding 10,000 queued items
 *   4. memory: RSS growth for a 20 MB attachment uploaded in pieces and sent, vs nodemailer sending the file
 * Prints a table and a summary, writes docs/benchmarks.md, exits 0 unless a part crashed.
 * Sizes can be scaled down for a quick look: BENCH_MESSAGES, BENCH_LATENCY, BENCH_RECOVERY, BENCH_DRAIN_S;
 * BENCH_ONLY=throughput,latency,recovery,memory runs some parts only; BENCH_ROUNDS sets how many times the
 * throughput ratio is measured (a plain loop, then the core; the median is the figure).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { BENCH_CONCURRENCY } from './common';
import { renderMarkdown, renderText, type BenchConfig, type Machine, type Measurements } from './report';
import type { LatencyResult, MemoryResult, RecoveryResult, ReferenceResult, SeedResult, ThroughputResult } from './results';
import { runChild, startSinkProcess, type SinkProcess } from './run-child';

const COMMAND = 'npm run bench';
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const config: BenchConfig = {
  messages: env('BENCH_MESSAGES', 2000),
  bytes: env('BENCH_BYTES', 2000),
  concurrency: BENCH_CONCURRENCY,
  latencySubmits: env('BENCH_LATENCY', 500),
  recoveryItems: env('BENCH_RECOVERY', 10_000),
  drainSeconds: env('BENCH_DRAIN_S', 20),
  rounds: Math.max(1, env('BENCH_ROUNDS', 5)),
  warmup: env('BENCH_WARMUP', 300),
};
const CHILDREN = __dirname;
const ROOT = process.cwd();

function machine(): Machine {
  let commit = 'unknown';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    commit = `${head}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    // Not a git checkout: the figures still stand, just unlabelled.
  }
  return {
    cpus: availableParallelism(),
    model: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${osType()} ${release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    load: loadavg()[0] ?? 0,
  };
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);

async function part(m: Measurements, name: string, body: () => Promise<void>): Promise<void> {
  if (only.length && !only.includes(name)) return;
  const started = performance.now();
  try {
    await body();
    log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    m.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    log(`${name}: CRASHED\n${error instanceof Error ? error.message : String(error)}`);
  }
}

async function sinkUse(sink: SinkProcess) {
  const { stats, cpuMs } = await sink.stats();
  return { messages: stats.messages, cpuMs };
}

async function throughputPart(m: Measurements, sink: SinkProcess, scratch: string): Promise<void> {
  const { messages, bytes, concurrency, warmup } = config;
  const reference = (pooled: boolean) => runChild<ReferenceResult>(CHILDREN, 'reference-child.cjs', [sink.port, messages, bytes, concurrency, pooled ? 1 : 0, warmup], 120_000);
  // The reference: nodemailer's default transport in a plain loop, one send after another.
  const plain = () => runChild<ReferenceResult>(CHILDREN, 'reference-child.cjs', [sink.port, messages, bytes, 1, 0, warmup], 120_000);
  const core = (name: string) => runChild<ThroughputResult>(CHILDREN, 'core-bench-child.cjs', ['throughput', join(scratch, name), sink.port, messages, bytes, warmup], 300_000);
  // The pooled reference runs before and after the core, so a machine that slows down mid-run shows up as a spread.
  await sink.reset();
  const pooled = [await reference(true)];
  const perMessage = await reference(false);
  const plainLoop = await plain();
  const referenceSink = await sinkUse(sink);
  log(`reference: pooled ${msgPerSecond(pooled[0])}, pool:false ${msgPerSecond(perMessage)}, plain loop ${msgPerSecond(plainLoop)} msg/s`);

  await sink.reset();
  const result = await core('throughput');
  m.throughput = { result, sink: await sinkUse(sink) };
  log(`core: ${((result.sent / result.ms) * 1000).toFixed(1)} msg/s`);

  await sink.reset();
  pooled.push(await reference(true));
  const after = await sinkUse(sink);
  m.reference = { pooled, perMessage, plainLoop, sink: { messages: referenceSink.messages + after.messages, cpuMs: referenceSink.cpuMs + after.cpuMs } };

  // This machine's speed drifts by more than the margin that matters: the ratio is measured again in rounds, each a plain loop
  // and then the core, and the median is the figure.
  const rounds = [{ plain: plainLoop, core: result }];
  for (let i = 1; i < config.rounds; i++) {
    const round = { plain: await plain(), core: await core(`throughput-${i}`) };
    log(`round ${i + 1}: plain loop ${msgPerSecond(round.plain)}, core ${((round.core.sent / round.core.ms) * 1000).toFixed(1)} msg/s`);
    rounds.push(round);
  }
  m.rounds = rounds;
}

const msgPerSecond = (r: ReferenceResult | undefined) => (r ? ((r.count / r.ms) * 1000).toFixed(0) : 'n/a');

async function latencyPart(m: Measurements, scratch: string): Promise<void> {
  m.latency = await runChild<LatencyResult>(CHILDREN, 'core-bench-child.cjs', ['latency', join(scratch, 'latency'), config.latencySubmits, 1], 120_000);
}

async function recoveryPart(m: Measurements, sink: SinkProcess, scratch: string): Promise<void> {
  const dir = join(scratch, 'recovery');
  const seed = await runChild<SeedResult>(CHILDREN, 'core-bench-child.cjs', ['seed', dir, sink.port, config.recoveryItems, config.bytes], 180_000);
  log(`seeded ${seed.stored} items in ${(seed.ms / 1000).toFixed(1)} s`);
  await sink.reset();
  const run = await runChild<RecoveryResult>(CHILDREN, 'core-bench-child.cjs', ['recover', dir, seed.stored, config.drainSeconds], 120_000 + config.drainSeconds * 1000);
  m.recovery = { seed, run, sink: await sinkUse(sink) };
}

async function memoryPart(m: Measurements, sink: SinkProcess, scratch: string): Promise<void> {
  // The core runs with the V8 flags its launchers give the app's main process (scripts/start.mjs, MAIN_V8_FLAGS there).
  const core = await runChild<MemoryResult>(CHILDREN, 'core-bench-child.cjs', ['memory', join(scratch, 'memory'), sink.port], 180_000, ['--max-semi-space-size=4']);
  const reference = await runChild<MemoryResult>(CHILDREN, 'reference-child.cjs', ['memory', sink.port, scratch], 180_000);
  m.memory = { core, reference };
  log(`memory: core ${(core.rssGrowth / core.fileBytes).toFixed(2)}×, nodemailer ${(reference.rssGrowth / reference.fileBytes).toFixed(2)}× the file`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const m: Measurements = { machine: machine(), config, errors: [], totalSeconds: 0 };
  log(`${JSON.stringify(config)}; children in ${CHILDREN}`);
  const scratch = mkdtempSync(join(tmpdir(), 'outbox-bench-'));
  const sink = await startSinkProcess(CHILDREN);
  try {
    await part(m, 'throughput', () => throughputPart(m, sink, scratch));
    await part(m, 'latency', () => latencyPart(m, scratch));
    await part(m, 'recovery', () => recoveryPart(m, sink, scratch));
    await part(m, 'memory', () => memoryPart(m, sink, scratch));
  } finally {
    sink.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  m.totalSeconds = (performance.now() - started) / 1000;
  process.stdout.write(`\n${renderText(m)}\n`);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderMarkdown(m, COMMAND));
  process.stdout.write('written to docs/benchmarks.md\n');
  process.exit(m.errors.length ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
