/**
 * The yardstick: plain nodemailer sendMail, no store, no transcript, the same
 * body and DSN request to the same sink, `concurrency` sends in flight.
 *   node reference-child.cjs <port> <count> <bytes> <concurrency> <pooled 0|1> [warm-up sends]
 * pooled 1: createTransport({ pool: true, maxConnections: concurrency }), connections reused
 *           like the spooler's session pool; pooled 0: pool: false, one connection per message.
 *   node reference-child.cjs memory <port> <dir>   the memory part's yardstick (see memory())
 * concurrency 1 with pooled 0 is the plain loop: `for (…) await transporter.sendMail(…)` on the default transport.
 */
import nodemailer from 'nodemailer';
import { BENCH_FROM, BENCH_TO, benchBody, cpuMsSince, emitResult } from './common';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEMORY_FILE_BYTES, memoryFile, rssGrowth } from './memory';
import type { MemoryResult, ReferenceResult } from './results';

/** `memory <port> <dir>`: nodemailer's default transport sends the large file from disk, as the core sends it from its store. */
async function memory(port: number, dir: string): Promise<void> {
  const file = memoryFile();
  const path = join(dir, 'reference-big.bin');
  writeFileSync(path, file);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, name: 'outbox-mail.localhost' });
  const growth = rssGrowth();
  const info = await transport.sendMail({ from: BENCH_FROM, to: BENCH_TO, subject: 'memory', text: 'A large file.', attachments: [{ filename: 'big.bin', path }] });
  emitResult<MemoryResult>({ fileBytes: MEMORY_FILE_BYTES, rssGrowth: growth.stop(), sent: info.accepted.length === 1 });
  transport.close();
}

async function main(): Promise<void> {
  if (process.argv[2] === 'memory') return memory(Number(process.argv[3]), process.argv[4] ?? '.');
  const [port, count, bytes, concurrency, pooled, warmup = concurrency] = process.argv.slice(2).map(Number) as [number, number, number, number, number, number?];
  const common = { host: '127.0.0.1', port, secure: false, ignoreTLS: true, name: 'outbox-mail.localhost' };
  const transport =
    pooled === 1
      ? nodemailer.createTransport({ ...common, pool: true, maxConnections: concurrency, maxMessages: Infinity })
      : nodemailer.createTransport({ ...common, pool: false });
  const send = (i: number) =>
    transport.sendMail({
      from: { name: 'Bench', address: BENCH_FROM },
      to: BENCH_TO,
      subject: `bench ${i}`,
      text: benchBody(bytes, i),
      dsn: { id: `ref-${i}`, return: 'headers', notify: ['success', 'failure', 'delay'] },
    });
  // Warm-up sends, as many as the core gets, so module loading, the first connects and the JIT's warm-up are not measured.
  let warm = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (warm < warmup) await send(-1 - warm++);
    }),
  );
  let next = 0;
  let failed = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await send(i).catch(() => failed++);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  emitResult<ReferenceResult>({ count, failed, ms, cpuMs: cpuMsSince(cpu) });
  transport.close();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
