/**
 * The Electron shell, run here without an Electron binary: main.ts and the IPC
 * binding against a stand-in for the `electron` module that records what the
 * shell installs (windows, handlers, protocol, permissions), with the real
 * core behind it. The stand-in mirrors the parts of Electron's API main.ts
 * uses; each check drives the handler the shell itself registered.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../shared/contract';
import type { Result } from '../shared/errors';

type Handler = (...args: unknown[]) => unknown;

type FakeContents = EventEmitter & { mainFrame: { url: string }; send: () => void; executeJavaScript: () => Promise<string>; setWindowOpenHandler: () => void };

const fake = vi.hoisted(() => {
  const { EventEmitter } = require('node:events') as typeof import('node:events');
  const state = {
    userData: '',
    ready: null as null | (() => void),
    exited: null as number | null,
    windows: [] as { options: Record<string, unknown>; webContents: FakeContents; loaded: string[] }[],
    ipc: new Map<string, (...args: unknown[]) => unknown>(),
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    permission: { request: null as Handler | null, check: null as Handler | null, device: null as Handler | null },
    notifications: [] as { title: string; body: string }[],
  };
  const app = Object.assign(new EventEmitter(), {
    setPath: (_name: string, path: string) => void (state.userData = path),
    getPath: () => state.userData,
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => true,
    setAsDefaultProtocolClient: () => true,
    getPreferredSystemLanguages: () => ['en-US'],
    whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
    quit: () => undefined,
    exit: (code: number) => void (state.exited = code),
  });
  class BrowserWindow extends EventEmitter {
    webContents: FakeContents;
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      super();
      const mainFrame = { url: '' };
      this.webContents = Object.assign(new EventEmitter(), {
        mainFrame,
        send: () => undefined,
        executeJavaScript: async () => 'en',
        setWindowOpenHandler: () => undefined,
      });
      state.windows.push({ options, webContents: this.webContents, loaded: this.loaded });
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url;
    }
    async loadFile(file: string) {
      this.loaded.push(`file://${file}`);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    show = () => undefined;
    focus = () => undefined;
    restore = () => undefined;
  }
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (name: string, fn: Handler) => void state.ipc.set(name, fn), removeHandler: (name: string) => void state.ipc.delete(name) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privileged.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => void state.protocols.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => void (state.permission.request = fn),
        setPermissionCheckHandler: (fn: Handler) => void (state.permission.check = fn),
        setDevicePermissionHandler: (fn: Handler) => void (state.permission.device = fn),
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => Buffer.from(plain).reverse(),
      decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString(),
    },
    net: { isOnline: () => true },
    powerMonitor: new EventEmitter(),
    Notification: Object.assign(
      class {
        constructor(private readonly notice: { title: string; body: string }) {}
        show() {
          state.notifications.push(this.notice);
        }
      },
      { isSupported: () => true },
    ),
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
let contents: EventEmitter & { windowOpen?: Handler; setWindowOpenHandler: (fn: Handler) => void };

beforeAll(async () => {
  process.argv.push(`--user-data-dir=${mkdtempSync(join(tmpdir(), 'outbox-shell-'))}`);
  await import('./main');
  // A web contents the app did not make (a devtools page, a stray frame) gets the same guards.
  contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: (fn: Handler) => void (contents.windowOpen = fn) });
  fake.electron.app.emit('web-contents-created', {}, contents);
  state.ready?.();
  await vi.waitFor(() => expect(state.windows[0]?.loaded.length).toBe(1), { timeout: 15_000 });
}, 30_000);

afterAll(async () => {
  fake.electron.app.emit('before-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(state.exited).toBe(0), { timeout: 15_000 });
});

const mainWindow = () => state.windows[0]!;

describe('the window', () => {
  it('is isolated and sandboxed, without Node, with web security and no webview', () => {
    expect(state.windows).toHaveLength(1);
    expect(mainWindow().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    // Nothing else: no allowRunningInsecureContent, experimentalFeatures, enableBlinkFeatures or nodeIntegrationInSubFrames.
    expect(Object.keys(mainWindow().options.webPreferences as object).sort()).toEqual(['contextIsolation', 'nodeIntegration', 'preload', 'sandbox', 'webSecurity', 'webviewTag']);
  });

  it('loads the UI from app://outbox/, not file:', () => {
    expect(mainWindow().loaded).toEqual(['app://outbox/index.html']);
    expect(state.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });
});

describe('navigation and new windows', () => {
  const event = (extra: Record<string, unknown> = {}) => ({ prevented: false, preventDefault() { this.prevented = true; }, ...extra });

  it('denies navigation, redirects, webviews and window.open for every web contents', () => {
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = event({ url: 'https://evil.example/' });
      contents.emit(name, e);
      expect(e.prevented, name).toBe(true);
    }
    expect(contents.windowOpen?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('will-frame-navigate: the main frame never moves; a subframe only to about:blank or about:srcdoc', () => {
    const cases: [Record<string, unknown>, boolean][] = [
      [{ isMainFrame: true, url: 'https://evil.example/' }, true],
      [{ isMainFrame: true, url: 'app://outbox/index.html' }, true],
      [{ isMainFrame: false, url: 'https://evil.example/' }, true],
      [{ isMainFrame: false, url: 'file:///etc/passwd' }, true],
      [{ isMainFrame: false, url: 'about:srcdoc' }, false],
      [{ isMainFrame: false, url: 'about:blank' }, false],
    ];
    for (const [details, prevented] of cases) {
      const e = event(details);
      contents.emit('will-frame-navigate', e);
      expect(e.prevented, JSON.stringify(details)).toBe(prevented);
    }
  });
});

describe('permissions', () => {
  it('every request, check and device permission is refused', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      state.permission.request?.({}, permission, (granted: boolean) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(state.permission.check?.({}, 'media', 'app://outbox', {})).toBe(false);
    expect(state.permission.device?.({ deviceType: 'usb', origin: 'app://outbox' })).toBe(false);
  });
});

describe('the app: protocol', () => {
  const serve = (url: string) => state.protocols.get('app')!(new Request(url));

  it('serves the built renderer with the CSP as a header; connect-src is only its own origin', async () => {
    const res = await serve('app://outbox/index.html');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp.split('; ').find((d) => d.startsWith('connect-src'))).toBe("connect-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it.each([
    'app://outbox/%2e%2e/package.json',
    'app://outbox/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://outbox/..%5c..%5cpackage.json',
    'app://outbox/index.html%00.js',
    'app://other/index.html',
  ])('refuses %s', async (url) => {
    const res = await serve(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('"name": "outbox-mail"');
  });
});

describe('IPC', () => {
  const ourFrame = () => mainWindow().webContents.mainFrame as { url: string };
  const invoke = (name: string, event: Record<string, unknown>, payload: unknown) => state.ipc.get(name)!(event, payload) as Promise<Result<unknown>>;

  it('installs exactly one handler per contract command', () => {
    expect([...state.ipc.keys()].sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('answers our window’s top frame and refuses a foreign sender, a subframe or another URL', async () => {
    const own = { sender: mainWindow().webContents, senderFrame: ourFrame() };
    expect(await invoke('settings.get', own, {})).toMatchObject({ ok: true });
    const refusals = [
      { sender: new EventEmitter(), senderFrame: ourFrame() },
      { sender: mainWindow().webContents, senderFrame: { url: 'app://outbox/index.html' } },
      { sender: mainWindow().webContents, senderFrame: null },
    ];
    for (const event of refusals) expect(await invoke('settings.get', event, {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARG' } });
    ourFrame().url = 'https://evil.example/';
    expect(await invoke('settings.get', own, {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARG' } });
    ourFrame().url = 'app://outbox/index.html';
  });

  it('validates the payload in the core: a malformed request is INVALID_ARG', async () => {
    const own = { sender: mainWindow().webContents, senderFrame: ourFrame() };
    expect(await invoke('settings.update', own, { undoSendSeconds: 'soon' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARG' } });
  });
});
