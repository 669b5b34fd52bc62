/** Opens the UI as an app window in Chromium (or Chrome), with a profile of its own. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export function findChromium(env = process.env): string | null {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

export function openInChromium(url: string, userDataDir: string): boolean {
  const executable = findChromium();
  if (!executable) return false;
  const child = spawn(
    executable,
    [`--app=${url}`, `--user-data-dir=${join(userDataDir, 'chromium-profile')}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    { stdio: 'ignore', detached: true },
  );
  child.on('error', () => undefined);
  child.unref();
  return true;
}
