/**
 * The memory part of the bench: how far a process's resident set grows above where it stood before
 * a large attachment was handled. Sampled often, since the peak is what a user's machine pays for.
 */
import { createHash } from 'node:crypto';

export const MEMORY_FILE_BYTES = Number(process.env.BENCH_MEMORY_BYTES ?? 20 * 1024 * 1024);

/** The same bytes in every process (not zeros, which compress and hash unlike real files). */
export function memoryFile(size = MEMORY_FILE_BYTES): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let state = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Peak RSS growth above the baseline taken when it starts, sampled every few milliseconds. */
export function rssGrowth(): { stop(): number } {
  global.gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak - baseline;
    },
  };
}
