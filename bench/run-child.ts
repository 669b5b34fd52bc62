/** Starting the benchmark's child processes and reading their one result line. */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { RESULT_PREFIX } from './common';
import type { SinkReply, SinkRequest } from './sink-child';

/** Runs `node <dir>/<file> ...args` and resolves with the JSON it printed after RESULT_PREFIX. */
export function runChild<T>(dir: string, file: string, args: (string | number)[], timeoutMs: number, nodeFlags: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...nodeFlags, join(dir, file), ...args.map(String)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.stdout.on('data', (d) => (stdout += String(d)));
    proc.stderr.on('data', (d) => (stderr += String(d)));
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) return resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
      const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` after ${timeoutMs / 1000} s` : ''}` : `exit ${code}`;
      reject(new Error(`${file} ${args.join(' ')}: ${why}${line ? '' : ', no result'}\n${stderr.trim().split('\n').slice(-8).join('\n')}`));
    });
  });
}

export interface SinkProcess {
  port: number;
  /** Zeroes the counters and the CPU clock. */
  reset(): Promise<void>;
  /** Counters and CPU ms since the last reset. */
  stats(): Promise<Required<Pick<SinkReply, 'stats' | 'cpuMs'>>>;
  close(): void;
}

export function startSinkProcess(dir: string): Promise<SinkProcess> {
  const proc: ChildProcess = fork(join(dir, 'sink-child.cjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (request: SinkRequest) =>
    new Promise<SinkReply>((resolve) => {
      proc.once('message', (reply: SinkReply) => resolve(reply));
      proc.send(request);
    });
  return new Promise((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`sink exited (${code}) before listening`)));
    proc.once('message', (hello: SinkReply) => {
      proc.removeAllListeners('exit');
      resolve({
        port: hello.port ?? 0,
        reset: async () => void (await ask('reset')),
        stats: async () => {
          const reply = await ask('stats');
          return { stats: reply.stats ?? { connections: 0, messages: 0, bytes: 0 }, cpuMs: reply.cpuMs ?? 0 };
        },
        close: () => proc.kill(),
      });
    });
  });
}
