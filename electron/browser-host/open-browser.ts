/**
 * Opens the UI as an app window in Chromium (or Chrome), with a profile of its
 * own. The address carries the one-time launch token, and a process's
 * arguments are readable by every local user, so Chromium is handed only the
 * path of a private (0600) page that forwards it there.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export function findChromium(env = process.env): string | null {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Writes the forwarding page, readable by this user only; returns its path. */
export function writeLaunchPage(url: string, folder: string): string {
  const file = join(folder, `launch-${randomBytes(8).toString('hex')}.html`);
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${escapeAttribute(url)}"><title>Outbox Mail</title>\n`);
  } finally {
    closeSync(fd);
  }
  return file;
}

export const chromiumArgs = (launchPage: string, userDataDir: string): string[] => [
  `--app=${pathToFileURL(launchPage).href}`,
  `--user-data-dir=${join(userDataDir, 'chromium-profile')}`,
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Opens Chromium on a launch page; returns a function that removes the page (once the token is spent), or null without Chromium. */
export function openInChromium(url: string, userDataDir: string, env = process.env): (() => void) | null {
  const executable = findChromium(env);
  if (!executable) return null;
  const page = writeLaunchPage(url, userDataDir);
  const child = spawn(executable, chromiumArgs(page, userDataDir), { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
  return () => rmSync(page, { force: true });
}
