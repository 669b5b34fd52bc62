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

/**
 * Why no window can open here, or null when one can: on Linux a window needs an X11 or Wayland
 * display, and a terminal reached over SSH or a container usually has neither.
 */
export function displayProblem(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string | null {
  if (platform !== 'linux') return null;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'No display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set): open the UI address above in a browser.';
}

/** How long a browser that cannot start takes to give up; after that it is taken to be running. */
const EARLY_EXIT_MS = 5000;

/** `removePage` deletes the launch page once the token in it is spent. */
export type OpenResult = { opened: true; removePage: () => void } | { opened: false; reason: string };

/**
 * Opens Chromium on a launch page (the token never appears in its arguments). A browser that exits
 * at once with an error (no display it can use, a broken install) is reported through `onFailed`,
 * so the failure is never silent.
 */
export function openInChromium(url: string, userDataDir: string, onFailed: (reason: string) => void = () => undefined, env = process.env): OpenResult {
  const problem = displayProblem(process.platform, env);
  if (problem) return { opened: false, reason: problem };
  const executable = findChromium(env);
  if (!executable) return { opened: false, reason: 'No Chromium found; open the UI address above in a browser.' };
  const page = writeLaunchPage(url, userDataDir);
  const removePage = () => rmSync(page, { force: true });
  const started = Date.now();
  const child = spawn(executable, chromiumArgs(page, userDataDir), { stdio: 'ignore', detached: true });
  child.on('error', (error) => {
    removePage();
    onFailed(`The browser window could not start (${error.message}); open the UI address above in a browser.`);
  });
  child.on('exit', (code, signal) => {
    if (Date.now() - started < EARLY_EXIT_MS && code !== 0) {
      removePage();
      onFailed(`The browser window closed at once (${signal ?? `exit code ${code}`}); open the UI address above in a browser.`);
    }
  });
  child.unref();
  return { opened: true, removePage };
}
