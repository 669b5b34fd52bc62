/**
 * Updates for the installed Electron app, from the GitHub Releases that the release workflow
 * publishes (electron-builder writes the feed into the package as app-update.yml). Off in
 * development and in the browser host; looked for at most once a day; downloaded in the
 * background; installed on the user's word through the core's UpdateGate, which holds the
 * restart while a message is being sent. Imported by main.ts only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/create-core';
import type { UpdateGate } from '../core/updates/update-gate';
import { checkDue, updatesOffReason } from '../core/updates/update-policy';

/** What we use of electron-updater's autoUpdater (an interface, so tests need no Electron). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(m?: unknown): void; warn(m?: unknown): void; error(m?: unknown): void } | null;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdatesOptions {
  gate: UpdateGate;
  isPackaged: boolean;
  userDataDir: string;
  /** Loaded only when updates are on: electron-updater reads the packaged app's feed. */
  loadUpdater: () => Promise<Updater>;
  log: Logger;
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => number;
  /** How often to ask whether a day has passed (sleep and long sessions included). */
  pollMs?: number;
  /** The first look waits a little, so start-up and recovery go first. */
  firstCheckMs?: number;
}

const LAST_CHECK_FILE = 'update-check.json';

function readLastCheck(file: string): number | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')).lastCheckAt;
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** Starts the daily check; returns a function that stops it. */
export function startUpdates(options: UpdatesOptions): () => void {
  const off = updatesOffReason({ host: 'electron', isPackaged: options.isPackaged, env: options.env ?? process.env });
  if (off) {
    options.log.info(`updates: off (${off})`);
    return () => undefined;
  }
  const now = options.now ?? Date.now;
  const file = join(options.userDataDir, LAST_CHECK_FILE);
  const say = (message: unknown) => options.log.info(`updates: ${String(message)}`);
  let updater: Promise<Updater> | null = null;
  const load = () =>
    (updater ??= options.loadUpdater().then((u) => {
      u.autoDownload = true;
      u.autoInstallOnAppQuit = true;
      u.logger = { info: say, warn: say, error: (m) => options.log.error('updates: error', m instanceof Error ? m.message : String(m)) };
      u.on('update-downloaded', ({ version }) => options.gate.ready(version, () => u.quitAndInstall(false, true)));
      return u;
    }));

  let checking = false;
  const tick = async () => {
    if (checking || !checkDue(now(), readLastCheck(file))) return;
    checking = true;
    // Written before asking, so a failing feed is still asked only once a day.
    writeFileSync(file, JSON.stringify({ lastCheckAt: now() }), { mode: 0o600 });
    try {
      await (await load()).checkForUpdates();
    } catch (error) {
      options.log.error('updates: check failed', error instanceof Error ? error.message : String(error));
    } finally {
      checking = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstCheckMs ?? 60_000);
  const poll = setInterval(() => void tick(), options.pollMs ?? 60 * 60 * 1000);
  first.unref?.();
  poll.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(poll);
  };
}
