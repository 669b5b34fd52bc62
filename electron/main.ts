/**
 * The Electron host: one hardened window, the core in the main process, and
 * the contract over IPC. Everything else lives in core/, which runs without Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, net, Notification, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { parseMailto } from '../shared/mailto';
import type { OutboxItem, Settings } from '../shared/model';
import { createCore, type Core } from './core/create-core';
import { deliveryFailedNotice, desktopNotice, firstBadEnd, newDeliveryFailures, noticeLanguage } from './core/notify/desktop-notice';
import type { SecretBox } from './core/secrets/secret-box';
import { APP_ENTRY, APP_SCHEME, serveApp } from './app-protocol';
import { notificationText } from './core/notify/notification-markup';
import { newMailNotice } from './core/notify/new-mail-notice';
import { inboxUnread } from '../shared/inbox-unread';
import type { Folder, NewMail } from '../shared/mail-model';
import { bindElectronIpc } from './ipc-electron';
import { relaunchOptions } from './v8-flags';
import { startUpdates } from './updates/start-updates';

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

// The UI's own scheme: standard (a real origin, relative URLs) and secure (like https), registered before ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Subframes may only be blank or srcdoc documents (a mail body shown in a sandboxed frame); nothing navigates anywhere else. */
const innerDocument = (url: string) => url === 'about:blank' || url === 'about:srcdoc';

const relaunch = relaunchOptions(app.isPackaged, process.argv, process.env);
if (relaunch) {
  // Before the single-instance lock: the process that will run is the one with the flags.
  app.relaunch(relaunch);
  app.exit(0);
} else if (!app.requestSingleInstanceLock()) {
  // One process owns the database.
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
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame || !innerDocument(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.whenReady().then(async () => {
    // Mail needs no camera, microphone, location, notifications from the page, USB, serial or HID: every ask is refused.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
    const rendererRoot = join(__dirname, '..', 'renderer');
    protocol.handle(APP_SCHEME, (request) => serveApp(request, rendererRoot));
    core = await createCore({ userDataDir: app.getPath('userData'), host: 'electron', version: app.getVersion(), log, secrets: keychain, openExternal: (url) => shell.openExternal(url) });

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
    bindElectronIpc(ipcMain, core, window, APP_ENTRY);
    window.once('ready-to-show', () => window?.show());
    await window.loadURL(APP_ENTRY);
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
      const undelivered = newDeliveryFailures(item, notified);
      if (undelivered.length) {
        void windowLanguage().then((language) => new Notification(deliveryFailedNotice(item, undelivered, language)).show());
      }
      if (!firstBadEnd(item, notified)) return;
      void windowLanguage().then((language) => {
        const notice = desktopNotice(item, language);
        if (notice) new Notification({ title: notice.title, body: notificationText(notice.body) }).show();
      });
    });

    // New mail: a desktop notification (unless turned off in Settings) that opens the message; the badge counts unread Inbox mail.
    const mailCore = core;
    let newMailNotices = true;
    void mailCore.router.handle('settings.get', {}).then((result) => {
      if (result.ok) newMailNotices = (result.value as Settings).newMailNotices !== false;
    });
    // Held until clicked or closed: a notification collected by the GC would lose its click handler.
    const shownMail = new Set<Notification>();
    mailCore.events.onAny((name, payload) => {
      if (name === 'settings:changed') newMailNotices = (payload as Settings).newMailNotices !== false;
      if (name === 'mail:folders') app.setBadgeCount(inboxUnread(payload as Folder[]));
      if (name !== 'mail:newMail' || !newMailNotices || !Notification.isSupported()) return;
      const mail = payload as NewMail;
      void windowLanguage().then((language) => {
        const notice = newMailNotice(mail, language);
        const notification = new Notification({ title: notice.title, body: notificationText(notice.body) });
        shownMail.add(notification);
        notification.on('close', () => shownMail.delete(notification));
        notification.on('click', () => {
          shownMail.delete(notification);
          if (!window || window.isDestroyed()) return;
          if (window.isMinimized()) window.restore();
          window.show();
          window.focus();
          const latest = mail.latest[0];
          if (latest) mailCore.events.emit('app:openMessage', { folderId: mail.folderId, id: latest.id });
        });
        notification.show();
      });
    });

    // Offline pauses the queue without using attempts; waking from sleep retries at once.
    const readyCore = core;
    readyCore.setOnline(net.isOnline());
    setInterval(() => readyCore.setOnline(net.isOnline()), 5000).unref();
    powerMonitor.on('resume', () => readyCore.resume());
    // require, not import(): Node's ESM view of this CommonJS package lacks its lazy `autoUpdater` getter.
    startUpdates({ gate: readyCore.updates, isPackaged: app.isPackaged, userDataDir: app.getPath('userData'), loadUpdater: async () => require('electron-updater').autoUpdater, log });
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
