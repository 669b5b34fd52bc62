/**
 * The Electron host: one hardened window, the core in the main process, and
 * the contract over IPC. Everything else lives in core/, which runs without Electron.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, Notification, powerMonitor, safeStorage, session, shell } from 'electron';
import { parseMailto } from '../shared/mailto';
import type { OutboxItem } from '../shared/model';
import { createCore, type Core } from './core/create-core';
import { desktopNotice, firstBadEnd, noticeLanguage } from './core/notify/desktop-notice';
import type { SecretBox } from './core/secrets/secret-box';
import { bindElectronIpc } from './ipc-electron';

const log = {
  info: (message: string) => console.log(message),
  error: (message: string, error?: unknown) => console.error(message, error instanceof Error ? error.stack : error),
};

/** Account secrets through the OS keychain. Linux's basic_text backend is plain obfuscation: refuse it. */
const keychain: SecretBox = {
  unavailableReason: () => {
    if (!safeStorage.isEncryptionAvailable()) return 'no system keychain is available';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'the system keychain is not set up (basic_text)';
    return null;
  },
  seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
  open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
};

// Tests and side-by-side profiles pass --user-data-dir; it must be set before anything reads the path.
const userDataArg = process.argv.find((a) => a.startsWith('--user-data-dir='));
if (userDataArg) app.setPath('userData', userDataArg.slice('--user-data-dir='.length));

// One process owns the database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  let window: BrowserWindow | null = null;

  // mailto: links reach us as an argument (Windows, Linux: first start or a second instance) or as open-url (macOS).
  app.setAsDefaultProtocolClient('mailto');
  let pendingMailto = process.argv.find((a) => /^mailto:/i.test(a)) ?? null;
  const openMailto = (uri: string) => {
    const fields = parseMailto(uri);
    if (!fields) return;
    if (core && window) core.events.emit('app:compose', fields);
    else pendingMailto = uri;
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openMailto(url);
  });
  app.on('second-instance', (_event, argv) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    const uri = argv.find((a) => /^mailto:/i.test(a));
    if (uri) openMailto(uri);
  });

  // Every web contents, not only ours: nothing may navigate away, open windows or attach webviews.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    core = await createCore({ userDataDir: app.getPath('userData'), host: 'electron', version: app.getVersion(), log, secrets: keychain, openExternal: (url) => shell.openExternal(url) });

    const rendererFile = join(__dirname, '..', 'renderer', 'index.html');
    window = new BrowserWindow({
      width: 1200,
      height: 800,
      show: false,
      title: 'Outbox Mail',
      webPreferences: {
        preload: join(__dirname, '..', 'preload', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
      },
    });
    bindElectronIpc(ipcMain, core, window, pathToFileURL(rendererFile).href);
    window.once('ready-to-show', () => window?.show());
    await window.loadFile(rendererFile);
    if (pendingMailto) openMailto(pendingMailto);

    // A message that fails for good, or is refused for some recipients, is never silent: a desktop notification, once per message.
    const notified = new Set<string>();
    // In the language the window shows; with no window (or no answer from it), the system's.
    const windowLanguage = async () => {
      let page: unknown = null;
      try {
        if (window && !window.isDestroyed()) page = await window.webContents.executeJavaScript('document.documentElement.lang', false);
      } catch {
        // A window closing or not yet loaded: the system's language then.
      }
      return noticeLanguage(page, app.getPreferredSystemLanguages());
    };
    core.events.onAny((name, payload) => {
      if (name !== 'outbox:changed' || !Notification.isSupported()) return;
      const item = payload as OutboxItem;
      // Decided now, worded once the window has said its language.
      if (!firstBadEnd(item, notified)) return;
      void windowLanguage().then((language) => {
        const notice = desktopNotice(item, language);
        if (notice) new Notification(notice).show();
      });
    });

    // Offline pauses the queue without using attempts; waking from sleep retries at once.
    const readyCore = core;
    readyCore.setOnline(net.isOnline());
    setInterval(() => readyCore.setOnline(net.isOnline()), 5000).unref();
    powerMonitor.on('resume', () => readyCore.resume());
  });

  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('before-quit', (event) => {
    if (!core || closing) return;
    event.preventDefault();
    closing = true;
    void core.close().finally(() => app.exit(0));
  });
}
