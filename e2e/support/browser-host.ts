/**
 * Starts the real browser host (built core + renderer) in a child process with
 * an empty user-data folder, and hands the test its UI address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

const ROOT = resolve(__dirname, '..', '..');

export interface RunningHost {
  url: string;
  userDataDir: string;
  /** The local sandbox's password for this run (set through the host's test-only variable). */
  sandboxSecret: string;
  process: ChildProcess;
  /** .eml files the sandbox server kept. */
  sandboxFiles(): string[];
  /** The raw text of one of them. */
  sandboxText(file: string): string;
  stop(): Promise<number | null>;
}

/** `env`: extra environment for the host, e.g. the test-only autoconfig redirect. */
export async function startBrowserHost(userDataDir = mkdtempSync(join(tmpdir(), 'outbox-e2e-')), env: Record<string, string> = {}): Promise<RunningHost> {
  const sandboxSecret = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [join(ROOT, 'out/main/browser-host.cjs'), '--no-open', '--port', '0', '--user-data', userDataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OUTBOX_MAIL_TEST_SANDBOX_SECRET: sandboxSecret, ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not print its UI line; stderr:\n${stderr}`)), 20_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      const match = /^UI: (\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}; stderr:\n${stderr}`)));
  });
  return {
    url,
    userDataDir,
    sandboxSecret,
    process: child,
    sandboxFiles: () => {
      const dir = join(userDataDir, 'sandbox');
      return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    },
    sandboxText: (file) => readFileSync(join(userDataDir, 'sandbox', file), 'utf8'),
    stop: () =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => resolveExit(code));
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use) => {
    const host = await startBrowserHost();
    await use(host);
    await host.stop();
  },
});
export { expect } from '@playwright/test';
