/**
 * Wires the core together. Nothing here imports Electron: the Electron host
 * and the browser host both call createCore and bind its router and events.
 */
import { join } from 'node:path';
import { AppFailure } from '../../shared/errors';
import { reason } from '../../shared/i18n/reason';
import type { AppStatus } from '../../shared/model';
import { AccountsService } from './accounts/accounts-service';
import { AttachmentStore } from './attachments/attachment-store';
import { KeyFileSecretBox } from './secrets/key-file-secret-box';
import type { SecretBox } from './secrets/secret-box';
import { testConnection } from './smtp/connection-test';
import { DATABASE_NAME, openMailDatabase, type IndexedDbFactory, type MailDatabase } from './db/database';
import { setAsideUnreadableRows, sqliteFileFor, useWriteAheadLog } from './db/unreadable-rows';
import { openMailStore, type MailStore } from './db/mail-store';
import { moveLegacyRows } from './db/move-legacy-rows';
import { sqliteIndexedDb } from './db/sqlite-indexeddb';
import { EventBus } from './events';
import { createRouter, type Router } from './ipc/router';
import { DraftsService } from './drafts/drafts-service';
import { OutboxService, storeAttachment } from './outbox/outbox-service';
import { OutboxRepository } from './outbox/repository';
import { startSandboxServer, type SandboxServer } from './sandbox/sandbox-server';
import { renderMime } from './smtp/mime';
import { sendMessage } from './smtp/transport';
import { recoverOutbox } from './spooler/recovery';
import { Spooler, type SpoolerDeps } from './spooler/spooler';
import { SettingsService } from './settings/settings-service';
import { TranscriptStore } from './transcript/transcript-store';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface CoreOptions {
  userDataDir: string;
  host: AppStatus['host'];
  version: string;
  /** Defaults to the SQLite-backed store in userDataDir; tests may pass fake-indexeddb. */
  indexedDb?: IndexedDbFactory;
  /** Port for the local sandbox SMTP server; 0 or undefined picks a free one. */
  sandboxPort?: number;
  /** Seals account secrets; defaults to a key file in userDataDir (the Electron host passes safeStorage). */
  secrets?: SecretBox;
  /** Overrides for tests (retry policy, transport, transport timeouts, concurrency). */
  spooler?: Partial<Pick<SpoolerDeps, 'send' | 'retry' | 'concurrency' | 'now' | 'probe' | 'probePolicy' | 'timeouts' | 'connectionIdleMs'>>;
  log?: Logger;
  /** Opens an http(s) or mailto link with the system (Electron: shell.openExternal); absent in the browser host, where the page opens it. */
  openExternal?: (url: string) => Promise<void>;
}

export interface Core {
  router: Router;
  events: EventBus;
  db: MailDatabase;
  /** Outbox items, drafts, transcripts and quarantine. */
  store: MailStore;
  status(): AppStatus;
  /** Resolves when start-up recovery has finished. */
  ready: Promise<void>;
  /** The host's view of the network (Electron: net.isOnline). */
  setOnline(online: boolean): void;
  /** The machine woke from sleep. */
  resume(): void;
  close(): Promise<void>;
}

const notYet = (): never => {
  throw new AppFailure('NOT_READY', 'Reading mail is not available in this build yet.');
};

const silentLog: Logger = { info: () => undefined, error: () => undefined };

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? silentLog;
  const events = new EventBus();
  const dbDir = join(options.userDataDir, 'db');
  const dbFile = sqliteFileFor(dbDir, DATABASE_NAME);
  if (!options.indexedDb) {
    useWriteAheadLog(dbFile);
    for (const row of setAsideUnreadableRows(dbFile, join(options.userDataDir, 'quarantine'))) {
      log.error(`store: unreadable row ${row.key} in ${row.table} set aside`, row.file);
    }
  }
  const db = await openMailDatabase(options.indexedDb ?? sqliteIndexedDb(dbDir));
  const store = openMailStore(join(options.userDataDir, 'outbox.sqlite'), (message) => log.error(`store: checkpoint: ${message}`));
  const moved = await moveLegacyRows(db, store);
  if (moved) log.info(`store: moved ${moved} outbox row(s) from the IndexedDB store to outbox.sqlite`);
  const settings = new SettingsService(db, events);
  const secrets = options.secrets ?? new KeyFileSecretBox(join(options.userDataDir, 'secret.key'));
  const accounts = new AccountsService(db, events, secrets, settings, (id) => store.countUnsentOf(id));
  const repo = new OutboxRepository(store);
  const transcript = new TranscriptStore(store, events);
  const attachments = new AttachmentStore(join(options.userDataDir, 'attachments'));

  let status: AppStatus = { phase: 'recovering', recovery: { total: 0, done: 0 }, online: true, host: options.host, version: options.version };
  const setStatus = (next: Partial<AppStatus>) => {
    status = { ...status, ...next };
    events.emit('app:status', status);
  };

  const sandbox: SandboxServer = await startSandboxServer({
    dir: join(options.userDataDir, 'sandbox'),
    ...(options.sandboxPort !== undefined ? { port: options.sandboxPort } : {}),
    onMessage: async (message) => {
      await db.sandboxMail.put(message);
      events.emit('sandbox:received', message);
    },
    onError: (error) => log.error('sandbox server error', error),
  });
  await accounts.upsertSandbox(sandbox.port);

  const spooler = new Spooler({
    repo,
    accounts,
    events,
    transcript,
    send: sendMessage,
    render: (item) => renderMime(item, attachments),
    check: (item) => {
      const missing = item.attachments.find((a) => !attachments.has(a.sha256));
      return missing ? reason('reason.attachmentMissing', { name: missing.name }) : null;
    },
    ...options.spooler,
    onConnectivityChange: (online) => {
      if (online !== status.online) setStatus({ online });
    },
    onError: (error) => log.error('spooler error', error),
  });

  const ready = (async () => {
    const report = await recoverOutbox(store);
    setStatus({ recovery: { total: report.total, done: 0 } });
    for (const item of report.requeued) events.emit('outbox:changed', item);
    setStatus({ phase: 'ready', recovery: { total: report.total, done: report.total } });
    log.info(`recovery: ${report.total} undelivered message(s), ${report.requeued.length} interrupted send(s) re-queued`);
    for (const row of report.quarantined) log.error(`recovery: set aside outbox row ${row.id} in quarantine`, row.reason);
    // Awaited, so no submit can race the queue index being filled.
    await spooler.start();
  })();

  const drafts = new DraftsService(store, events, attachments);
  const outbox = new OutboxService({ repo, accounts, settings, attachments, events, spooler, ready, onDraftsChanged: () => drafts.announce() });

  const router = createRouter(
    {
      'outbox.submit': (draft) => outbox.submit(draft),
      'outbox.abort': ({ id }) => outbox.abort(id),
      'outbox.list': () => outbox.list(),
      'outbox.get': ({ id }) => outbox.get(id),
      'outbox.retry': ({ id }) => outbox.retry(id),
      'outbox.delete': ({ id }) => outbox.delete(id),
      'drafts.save': (draft) => drafts.save(draft),
      'drafts.list': () => drafts.list(),
      'drafts.delete': ({ id }) => drafts.delete(id),
      'attachments.put': (input) => storeAttachment(attachments, input),
      'transcript.get': ({ id }) => transcript.forItem(id),
      'sandbox.list': () => db.sandboxMail.orderBy('[receivedAt+id]').reverse().toArray(),
      'accounts.list': () => accounts.list(),
      'accounts.save': (input) => accounts.save(input),
      'accounts.remove': ({ id }) => accounts.remove(id),
      'accounts.test': async ({ id }) => {
        const account = await accounts.get(id);
        return testConnection(account, await accounts.credentialsFor(account), options.spooler?.timeouts);
      },
      'accounts.trustCertificate': ({ id, sha256 }) => accounts.trustCertificate(id, sha256),
      // Reading mail lands in parts; until the IMAP engine is wired, these say so with a code.
      'accounts.discover': () => notYet(),
      'accounts.testIncoming': () => notYet(),
      'mail.folders': () => [],
      'mail.list': () => ({ total: 0, offset: 0, rows: [] }),
      'mail.get': () => notYet(),
      'mail.attachment': () => notYet(),
      'mail.allowRemoteContent': () => notYet(),
      'mail.sync': () => [],
      'mail.syncStatus': () => [],
      'app.status': () => status,
      'app.openExternal': async ({ url }) => {
        if (!options.openExternal) return { opened: false };
        await options.openExternal(url);
        return { opened: true };
      },
      'settings.get': () => settings.get(),
      'settings.update': (changes) => settings.update(changes),
    },
    (name, error) => log.error(`command ${name} failed`, error),
  );

  return {
    router,
    events,
    db,
    store,
    status: () => status,
    ready,
    setOnline: (online) => spooler.setHostOnline(online),
    resume: () => spooler.resume(),
    async close() {
      await ready.catch(() => undefined);
      await spooler.stop();
      await transcript.flush();
      await sandbox.close();
      db.close();
      store.close();
    },
  };
}
