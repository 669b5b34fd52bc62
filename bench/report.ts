/**
 * Turns the measurements into rows, once, and prints the rows two ways: a
 * compact table for the terminal and Markdown for docs/benchmarks.md.
 */
import type { LatencyResult, MemoryResult, RecoveryResult, ReferenceResult, SeedResult, SinkUse, ThroughputResult } from './results';

export interface Machine {
  cpus: number;
  model: string;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
  commit: string;
  /** 1-minute load average when the bench started: other work on the machine skews every figure. */
  load: number;
}

export interface BenchConfig {
  messages: number;
  bytes: number;
  concurrency: number;
  latencySubmits: number;
  recoveryItems: number;
  drainSeconds: number;
  /** Times the throughput ratio is measured. */
  rounds: number;
  /** Messages every throughput client sends before it is measured. */
  warmup: number;
}

export interface Measurements {
  machine: Machine;
  config: BenchConfig;
  /**
   * nodemailer: pooled (connections reused, like the spooler's session pool), run before and after the core; pool: false with
   * as many in flight; and the plain loop the issue names (default transport, one send after another).
   */
  reference?: { pooled: ReferenceResult[]; perMessage: ReferenceResult | null; plainLoop?: ReferenceResult | null; sink: SinkUse };
  throughput?: { result: ThroughputResult; sink: SinkUse };
  /** The throughput ratio measured again and again: each round a plain loop, then the core (the first round is the runs above). */
  rounds?: { plain: ReferenceResult; core: ThroughputResult }[];
  latency?: LatencyResult;
  recovery?: { seed: SeedResult; run: RecoveryResult; sink: SinkUse };
  /** RSS growth for one large attachment: the core (chunked upload + send) and nodemailer sending the same file. */
  memory?: { core: MemoryResult; reference: MemoryResult };
  errors: string[];
  totalSeconds: number;
}

export interface Row {
  label: string;
  value: string;
  target?: string;
  met?: boolean;
}
export interface Section {
  title: string;
  rows: Row[];
  notes?: string[];
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const fix = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? `${int(n)} ms` : `${fix(n, n >= 10 ? 1 : 2)} ms`) : 'n/a');
const rate = (count: number, millis: number) => (count / millis) * 1000;
const perMsg = (total: number, count: number) => (count ? total / count : NaN);
const cpuShare = (cpuMs: number, wallMs: number) => `${fix((cpuMs / wallMs) * 100, 0)}% of one core`;

const bestReference = (refs: ReferenceResult[]) => refs.reduce<ReferenceResult | null>((best, r) => (!best || r.ms < best.ms ? r : best), null);

export function sections(m: Measurements): Section[] {
  const out: Section[] = [];
  const { config } = m;
  const ref = m.reference ? bestReference(m.reference.pooled) : null;
  const perMessageRef = m.reference?.perMessage ?? null;
  const plainRef = m.reference?.plainLoop ?? null;

  if (m.throughput || m.reference) {
    const rows: Row[] = [];
    const notes: string[] = [];
    const t = m.throughput?.result;
    const coreRate = t && t.complete ? rate(t.count, t.ms) : t ? rate(t.sent, t.ms) : NaN;
    const refRate = ref ? rate(ref.count, ref.ms) : NaN;
    if (t) {
      rows.push({ label: `outbox core: submit via router → SQLite → spooler → sink`, value: `${fix(coreRate)} msg/s` });
      rows.push({ label: '  total time, first submit → all sent', value: `${fix(t.ms / 1000, 2)} s${t.complete ? '' : ` (INCOMPLETE: ${t.sent}/${t.count} sent)`}` });
      rows.push({ label: `  all ${int(t.count)} submits confirmed after`, value: `${fix(t.submitAllMs / 1000, 2)} s` });
      rows.push({ label: '  first item in sending after', value: ms(t.firstSendingMs) });
    }
    if (m.reference) {
      for (const [i, r] of m.reference.pooled.entries()) {
        rows.push({ label: `nodemailer sendMail, pool of ${config.concurrency} reused connections (${i ? 'after' : 'before'} core run)`, value: `${fix(rate(r.count, r.ms))} msg/s` });
      }
      if (perMessageRef) rows.push({ label: `nodemailer sendMail, pool: false (new connection per message), ${config.concurrency} in flight`, value: `${fix(rate(perMessageRef.count, perMessageRef.ms))} msg/s` });
      if (plainRef) rows.push({ label: 'plain nodemailer loop: default transport, `for … await sendMail()`', value: `${fix(rate(plainRef.count, plainRef.ms))} msg/s` });
    }
    const rounds = m.rounds ?? [];
    if (t && plainRef && rounds.length < 2) {
      const ratio = coreRate / rate(plainRef.count, plainRef.ms);
      rows.push({ label: 'ratio core / plain nodemailer loop (the issue’s reference)', value: `${fix(ratio, 3)}×`, target: '≥ 0.8×', met: t.complete && ratio >= 0.8 });
    }
    if (rounds.length >= 2) {
      const ratios = rounds.map((r) => rate(r.core.sent, r.core.ms) / rate(r.plain.count, r.plain.ms));
      const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] as number;
      const complete = rounds.every((r) => r.core.complete);
      rows.push({ label: `ratio core / plain loop in each of ${rounds.length} rounds (a plain loop, then the core)`, value: ratios.map((r) => `${fix(r, 2)}×`).join(' · ') });
      rows.push({ label: `ratio core / plain nodemailer loop, median of ${rounds.length} rounds (the issue’s reference)`, value: `${fix(median, 3)}×`, target: '≥ 0.8×', met: complete && median >= 0.8 });
    }
    if (t && perMessageRef) rows.push({ label: `ratio core / nodemailer pool: false, ${config.concurrency} in flight`, value: `${fix(coreRate / rate(perMessageRef.count, perMessageRef.ms), 3)}×` });
    if (t && ref) rows.push({ label: `ratio core / best pooled nodemailer (stricter: ${config.concurrency} reused connections, nothing stored)`, value: `${fix(coreRate / refRate, 3)}×` });
    if (t && ref) {
      const sink = m.throughput?.sink;
      rows.push({ label: 'client CPU per message: core / nodemailer', value: `${ms(perMsg(t.cpuMs, t.count))} / ${ms(perMsg(ref.cpuMs, ref.count))}` });
      rows.push({ label: 'client CPU use: core / nodemailer', value: `${cpuShare(t.cpuMs, t.ms)} / ${cpuShare(ref.cpuMs, ref.ms)}` });
      if (sink && m.reference) {
        const referenceMs = [...m.reference.pooled, ...(perMessageRef ? [perMessageRef] : []), ...(plainRef ? [plainRef] : [])].reduce((a, r) => a + r.ms, 0);
        rows.push({ label: 'sink CPU use during core run / nodemailer runs', value: `${cpuShare(sink.cpuMs, t.ms)} / ${cpuShare(m.reference.sink.cpuMs, referenceMs)}` });
      }
      const g = t.group;
      rows.push({ label: 'outbox store per message: transactions / fsyncs', value: `${fix(perMsg(g.commits, t.count), 2)} / ${fix(perMsg(g.syncs, t.count), 2)}` });
      rows.push({ label: 'outbox store: writes per transaction / per fsync', value: `${fix(g.writes / g.commits, 2)} / ${fix(g.writes / g.syncs, 2)}` });
      rows.push({ label: 'outbox store: checkpoints (worker) / main-thread catch-up, total', value: `${g.checkpoints} / ${ms(g.catchUpMs)}` });
      rows.push({ label: 'IndexedDB store (accounts, settings) per message: transactions / SELECTs', value: `${fix(perMsg(t.sql.begin, t.count), 3)} / ${fix(perMsg(t.sql.select, t.count), 3)}` });
      rows.push({ label: 'events per message: outbox:changed / smtp:response', value: `${fix(perMsg(t.transitions, t.count))} / ${fix(perMsg(t.smtpLines, t.count))}` });
      if (sink && sink.messages !== t.sent) notes.push(`The sink counted ${sink.messages} messages during the core run, the core ${t.sent}.`);
      if (t.refused || t.failed || t.deferred) notes.push(`Core run: ${t.refused} submits refused, ${t.failed} failed, ${t.deferred} deferrals.`);
    }
    out.push({
      title: `1. Spooler throughput: ${int(config.messages)} messages of ~${fix(config.bytes / 1000, 0)} kB after ${int(config.warmup)} unmeasured (every client), SQLite store, raw TCP sink in its own process`,
      rows,
      notes,
    });
  }

  if (m.latency) {
    const r = m.latency.router;
    const rows: Row[] = [
      { label: `router.handle('outbox.submit') → durable: p50`, value: ms(r.p50) },
      { label: '  p95 (router)', value: ms(r.p95), target: '< 20 ms', met: r.p95 < 20 },
      { label: '  p99 / max / mean', value: `${ms(r.p99)} / ${ms(r.max)} / ${ms(r.mean)}` },
      { label: '  per submit: outbox store transactions / fsyncs; IndexedDB SELECTs', value: `${fix(perMsg(r.group.commits, r.count + r.warmup), 2)} / ${fix(perMsg(r.group.syncs, r.count + r.warmup), 2)}; ${fix(perMsg(r.sql.select, r.count + r.warmup), 1)}` },
    ];
    const b = m.latency.bridge;
    if (b) {
      rows.push({ label: 'browser host WebSocket bridge → durable: p50', value: ms(b.p50) });
      rows.push({ label: '  p95 (WebSocket bridge)', value: ms(b.p95), target: '< 20 ms', met: b.p95 < 20 });
      rows.push({ label: '  p99 / max / mean', value: `${ms(b.p99)} / ${ms(b.max)} / ${ms(b.mean)}` });
    }
    const notes = r.refused || b?.refused ? [`${r.refused + (b?.refused ?? 0)} submits were refused.`] : [];
    out.push({ title: `2. Submit latency: ${int(r.count)} sequential submits after ${r.warmup} warm-up, held 60 s (spooler idle), SQLite store`, rows, notes });
  }

  if (m.recovery) {
    const { seed, run, sink } = m.recovery;
    const rows: Row[] = [
      { label: `seeding: ${int(seed.count)} queued items bulk-written`, value: `${fix(seed.ms / 1000, 2)} s (${int(rate(seed.count, seed.ms))} items/s)` },
      { label: 'fresh start → createCore resolved', value: ms(run.createCoreMs) },
      { label: "start → recovery finished (app:status phase 'ready')", value: ms(run.phaseReadyMs) },
      { label: 'start → core.ready resolved (spooler started)', value: ms(run.readyMs) },
      { label: "start → first 'sending'", value: ms(run.firstSendingMs), target: '< 1 s', met: run.firstSendingMs < 1000 },
      { label: "start → first 'sent'", value: ms(run.firstSentMs) },
      {
        label: run.complete ? `start → all ${int(run.total)} sent` : `sent within ${fix(run.drainMs / 1000, 0)} s of start`,
        value: run.complete ? `${fix(run.drainMs / 1000, 1)} s` : `${int(run.sent)} of ${int(run.total)}`,
      },
      { label: 'sending rate after recovery', value: `${fix(run.sendRate)} msg/s` },
    ];
    const notes: string[] = [];
    if (!run.complete && run.sendRate > 0) notes.push(`At that rate all ${int(run.total)} would be sent about ${int((run.total - run.sent) / run.sendRate + run.drainMs / 1000)} s after start (extrapolated, not measured).`);
    if (run.recoveryTotal !== run.total) notes.push(`Recovery reported ${run.recoveryTotal} undelivered items; ${run.total} were seeded.`);
    // At the cut-off a message may have reached the sink before its 'sent' was recorded.
    if (Math.abs(sink.messages - run.sent) > config.concurrency) notes.push(`The sink counted ${sink.messages} messages, the core ${run.sent}.`);
    out.push({ title: `3. Recovery: ${int(seed.count)} queued items of ~${fix(config.bytes / 1000, 0)} kB in a SQLite store, fresh core start`, rows, notes });
  }

  if (m.memory) {
    const { core, reference } = m.memory;
    const mb = (bytes: number) => `${fix(bytes / 2 ** 20)} MB`;
    const ratio = (r: MemoryResult) => r.rssGrowth / r.fileBytes;
    const rows: Row[] = [
      { label: `core: chunked upload + send, peak RSS growth`, value: `${mb(core.rssGrowth)} = ${fix(ratio(core), 2)}× the file${core.sent ? '' : ' (NOT SENT)'}`, target: '< 1.5×', met: core.sent && ratio(core) < 1.5 },
      { label: '  of which the upload alone', value: `${mb(core.uploadRssGrowth ?? NaN)} = ${fix((core.uploadRssGrowth ?? NaN) / core.fileBytes, 2)}×` },
      { label: '  the send alone, above where the upload left it', value: `${mb(core.sendRssGrowth ?? NaN)} = ${fix((core.sendRssGrowth ?? NaN) / core.fileBytes, 2)}×` },
      { label: 'nodemailer: sendMail of the file from disk, peak RSS growth', value: `${mb(reference.rssGrowth)} = ${fix(ratio(reference), 2)}× the file${reference.sent ? '' : ' (NOT SENT)'}` },
    ];
    const notes = ['Peak resident set size above the level before the file was handled, sampled every 5 ms; the file\'s own bytes were in memory before (in the app they are the window\'s).'];
    out.push({ title: `4. Memory: one attachment of ${mb(core.fileBytes)}`, rows, notes });
  }
  return out;
}

function pad(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

const verdict = (row: Row) => (row.met === undefined ? '' : row.met ? 'met' : 'NOT MET');

export function machineLine(m: Machine): string {
  return `${m.cpus} CPUs (${m.model}), ${m.memoryGb} GB, Node ${m.node}, ${m.os}, ${m.date}, load ${m.load.toFixed(2)} at start, commit ${m.commit}`;
}

export function renderText(m: Measurements): string {
  const lines: string[] = [`Outbox benchmark — ${machineLine(m.machine)}`, ''];
  for (const section of sections(m)) {
    lines.push(section.title);
    lines.push(...pad(section.rows.map((r) => [`  ${r.label}`, r.value, r.target ?? '', verdict(r)])));
    for (const note of section.notes ?? []) lines.push(`  note: ${note}`);
    lines.push('');
  }
  lines.push(...finalBlock(m));
  return lines.join('\n');
}

export function finalBlock(m: Measurements): string[] {
  const targets = sections(m).flatMap((s) => s.rows.filter((r) => r.target).map((r) => ({ section: s.title.split(':')[0], ...r })));
  const lines = ['== summary =='];
  for (const t of targets) lines.push(`${t.section} ${t.label.trim()}: ${t.value} (target ${t.target}) ${verdict(t)}`);
  for (const error of m.errors) lines.push(`ERROR ${error.split('\n')[0]}`);
  lines.push(`bench finished in ${fix(m.totalSeconds, 0)} s${m.errors.length ? `, ${m.errors.length} part(s) crashed` : ''}`);
  return lines;
}

export function renderMarkdown(m: Measurements, command: string): string {
  const c = m.config;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${command}\` (bench/). Figures from one run; reproduce with \`${command}\`.`,
    'The bench prints and records; it does not fail on a slow machine.',
    '',
    `- Machine: ${m.machine.cpus} CPUs (\`nproc\`), ${m.machine.model}, ${m.machine.memoryGb} GB RAM, ${m.machine.os}`,
    `- Node ${m.machine.node}; date ${m.machine.date}; commit ${m.machine.commit}; load average ${m.machine.load.toFixed(2)} when the bench started`,
    `- Setup: every client runs in its own process on the real SQLite-backed store (the outbox store: better-sqlite3 with group commit; accounts and settings: Dexie on indexeddbshim);`,
    `  the SMTP sink is a raw \`node:net\` server (bench/sink.ts) in another process, so the client never shares its event loop.`,
    `  The reference is nodemailer \`sendMail\` with ${c.concurrency} sends in flight (the spooler's per-account connection limit), same body and DSN request:`,
    `  \`createTransport({ pool: true, maxConnections: ${c.concurrency} })\`, connections reused like the spooler's session pool (best of a run before and a run after the core run),`,
    `  and \`pool: false\`, a new connection per message. The target ratio uses the issue's own reference, "a plain nodemailer loop": the default`,
    `  transport and \`for (const m of messages) await transporter.sendMail(m)\`, one send after another. The pooled ratio is the stricter comparison and is shown beside it.`,
    `- What the core does that the reference does not: per message, five writes (the submit, the claim, the handoff mark before the final dot,`,
    `  the outcome, the transcript), group-committed; an fsync of the log before the submit returns, before the final dot and before "sent" is announced;`,
    `  every SMTP line parsed, stored and pushed to the UI; rows found on disk validated when taken. The reference keeps nothing and can lose everything.`,
    `- The throughput target is judged on the median of ${c.rounds} rounds, each a plain loop and then the core: this machine's speed drifts from run to run.`,
    `  Every throughput client, core and references alike, first sends ${c.warmup} messages that are not measured (module loading, first connections, the JIT's warm-up).`,
    '',
  ];
  for (const section of sections(m)) {
    lines.push(`## ${section.title}`, '', '| measure | value | target | |', '|---|---|---|---|');
    for (const r of section.rows) lines.push(`| ${r.label.trim()} | ${r.value} | ${r.target ?? ''} | ${verdict(r)} |`);
    for (const note of section.notes ?? []) lines.push('', `Note: ${note}`);
    lines.push('');
  }
  lines.push('## Summary', '', '```', ...finalBlock(m), '```', '');
  return lines.join('\n');
}
