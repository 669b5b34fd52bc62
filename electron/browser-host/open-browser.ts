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

export type OpenResult = { opened: true } | { opened: false; reason: string };

/**
 * Starts the app window. A browser that exits at once with an error (no display it can use, a
 * broken install) is reported through `onFailed`, so the failure is never silent.
 */
export function openInChromium(url: string, userDataDir: string, onFailed: (reason: string) => void = () => undefined): OpenResult {
  const problem = displayProblem();
  if (problem) return { opened: false, reason: problem };
  const executable = findChromium();
  if (!executable) return { opened: false, reason: 'No Chromium found; open the UI address above in a browser.' };
  const started = Date.now();
  const child = spawn(
    executable,
    [`--app=${url}`, `--user-data-dir=${join(userDataDir, 'chromium-profile')}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    { stdio: 'ignore', detached: true },
  );
  child.on('error', (error) => onFailed(`The browser window could not start (${error.message}); open the UI address above in a browser.`));
  child.on('exit', (code, signal) => {
    if (Date.now() - started < EARLY_EXIT_MS && code !== 0)
      onFailed(`The browser window closed at once (${signal ?? `exit code ${code}`}); open the UI address above in a browser.`);
  });
  child.unref();
  return { opened: true };
}
