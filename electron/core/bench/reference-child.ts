/**
 * The yardstick: plain nodemailer sendMail, no store, no transcript, the same
 * body and DSN request to the same sink, `concurrency` sends in flight.
 *   node reference-child.cjs <port> <count> <bytes> <concurrency> <pooled 0|1> [warm-up sends]
 * pooled 1: createTransport({ pool: true, maxConnections: concurrency }), connections reused
 *           like the spooler's session pool; pooled 0: pool: false, one connection per message.
 * concurrency 1 with pooled 0 is the plain loop: `for (…) await transporter.sendMail(…)` on the default transport.
 */
import nodemailer from 'nodemailer';
import { BENCH_FROM, BENCH_TO, benchBody, cpuMsSince, emitResult } from './common';
import type { ReferenceResult } from './results';

async function main(): Promise<void> {
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
