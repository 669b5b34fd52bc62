/** What the benchmark's processes share: the message, the sink account and the result line. */
/** The spooler's default; the reference client runs with the same number of connections. */
export const BENCH_CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
export const BENCH_FROM = 'bench@sink.test';
export const BENCH_TO = 'rcpt@sink.test';

/** About `bytes` of plain ASCII text in 72-character lines: goes out 7bit, no encoding cost either side. */
export function benchBody(bytes: number, seed = 0): string {
  const words = 'outbox spooler durable queue message transport sink bench latency recovery'.split(' ');
  const lines: string[] = [];
  let size = 0;
  let i = seed;
  while (size < bytes) {
    let line = '';
    while (line.length < 64) line += `${words[i++ % words.length]} `;
    line = line.trimEnd().slice(0, 72);
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** Children print exactly one result line; everything else on stdout is ignored. */
export const RESULT_PREFIX = 'BENCH-RESULT ';
export function emitResult<T>(result: T): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
