import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxItem } from '../../shared/model';
import { EventBus } from '../core/events';
import { UpdateGate } from '../core/updates/update-gate';
import { CHECK_INTERVAL_MS } from '../core/updates/update-policy';
import { startUpdates, type Updater } from './start-updates';

/** Stands in for electron-updater's autoUpdater, which needs Electron and a packaged app. */
class FakeUpdater implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: Updater['logger'] = null;
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  fail: Error | null = null;
  private downloaded: ((info: { version: string }) => void) | null = null;
  on(_event: 'update-downloaded', listener: (info: { version: string }) => void) {
    this.downloaded = listener;
    return this;
  }
  async checkForUpdates() {
    this.checks++;
    if (this.fail) throw this.fail;
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
  finishDownload(version: string) {
    this.downloaded?.({ version });
  }
}

const dirs: string[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function setup(over: { isPackaged?: boolean; env?: Record<string, string>; dir?: string } = {}) {
  const dir = over.dir ?? mkdtempSync(join(tmpdir(), 'updates-'));
  if (!over.dir) dirs.push(dir);
  const events = new EventBus();
  const gate = new UpdateGate(events);
  const updater = new FakeUpdater();
  const loads = { count: 0 };
  const logs: string[] = [];
  const clock = { now: Date.UTC(2026, 11, 4, 12) };
  const start = () =>
    stops.push(
      startUpdates({
        gate,
        isPackaged: over.isPackaged ?? true,
        userDataDir: dir,
        env: over.env ?? {},
        loadUpdater: async () => {
          loads.count++;
          return updater;
        },
        log: { info: (m) => logs.push(m), error: (m, e) => logs.push(`${m} ${String(e)}`) },
        now: () => clock.now,
        firstCheckMs: 1,
        pollMs: 5,
      }),
    );
  return { dir, events, gate, updater, loads, logs, clock, start };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('startUpdates', () => {
  it('stays off in development: electron-updater is not even loaded', async () => {
    const t = setup({ isPackaged: false });
    t.start();
    await settle();
    expect(t.loads.count).toBe(0);
    expect(t.logs).toEqual(['updates: off (development)']);
  });

  it('stays off when OUTBOX_NO_UPDATES=1', async () => {
    const t = setup({ env: { OUTBOX_NO_UPDATES: '1' } });
    t.start();
    await settle();
    expect(t.loads.count).toBe(0);
  });

  it('checks once, downloads in the background, and checks again only a day later', async () => {
    const t = setup();
    t.start();
    await vi.waitFor(() => expect(t.updater.checks).toBe(1));
    expect(t.updater.autoDownload).toBe(true);
    await settle(); // Many polls: still one check.
    expect(t.updater.checks).toBe(1);
    t.clock.now += CHECK_INTERVAL_MS;
    await vi.waitFor(() => expect(t.updater.checks).toBe(2));
  });

  it('remembers the last check across restarts, in a file only the user can read', async () => {
    const first = setup();
    first.start();
    await vi.waitFor(() => expect(first.updater.checks).toBe(1));
    const file = join(first.dir, 'update-check.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ lastCheckAt: first.clock.now });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    stops.splice(0).forEach((stop) => stop());

    const again = setup({ dir: first.dir });
    again.start();
    await settle();
    expect(again.updater.checks).toBe(0);
  });

  it('checks when the remembered time cannot be read', async () => {
    const t = setup();
    writeFileSync(join(t.dir, 'update-check.json'), 'not json');
    t.start();
    await vi.waitFor(() => expect(t.updater.checks).toBe(1));
  });

  it('logs a failed check, and does not retry it before a day has passed', async () => {
    const t = setup();
    t.updater.fail = new Error('net::ERR_INTERNET_DISCONNECTED');
    t.start();
    await vi.waitFor(() => expect(t.logs.some((l) => l.startsWith('updates: check failed') && l.includes('ERR_INTERNET_DISCONNECTED'))).toBe(true));
    await settle();
    expect(t.updater.checks).toBe(1);
  });

  it('a finished download becomes the restart prompt, and restarting waits for the send in progress', async () => {
    const t = setup();
    const told: unknown[] = [];
    t.events.onAny((name, payload) => name === 'app:update' && told.push(payload));
    t.start();
    await vi.waitFor(() => expect(t.updater.checks).toBe(1));
    t.events.emit('outbox:changed', { id: 'm1', state: 'sending' } as OutboxItem);
    t.updater.finishDownload('0.2.0');
    expect(told).toEqual([{ phase: 'ready', version: '0.2.0', sending: 1 }]);
    expect(t.gate.restart().phase).toBe('waiting');
    expect(t.updater.installs).toEqual([]);
    t.events.emit('outbox:changed', { id: 'm1', state: 'sent' } as OutboxItem);
    // Installed, and the app starts again afterwards.
    expect(t.updater.installs).toEqual([[false, true]]);
  });
});
