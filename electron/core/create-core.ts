/**
 * Wires the core together. Nothing here imports Electron: the Electron host
 * and the browser host both call createCore and bind its router and events.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failure, reason } from '../../shared/i18n/reason';
import { bodyCacheLimitBytes, type AppStatus, type Settings, type StorageDamage } from '../../shared/model';
import type { MessageRow } from './mail/message-rows';
import { AccountsService, SANDBOX_ACCOUNT_ID } from './accounts/accounts-service';
import { BodyCacheLimit } from './mail/body-eviction';
import { discoverSettings, type DiscoveryOptions } from './accounts/autoconfig/discover';
import { AttachmentStore } from './attachments/attachment-store';
import { Uploads } from './attachments/uploads';
import { KeyFileSecretBox } from './secrets/key-file-secret-box';
import type { SecretBox } from './secrets/secret-box';
import { testConnection } from './smtp/connection-test';
import { DATABASE_NAME, openMailDatabase, type IndexedDbFactory, type MailDatabase } from './db/database';
import { findUnreadableRows, removeRows, sqliteFileFor, useWriteAheadLog } from './db/unreadable-rows';
import { durableWrite } from './db/durable-write';
import { openCheckedStore } from './db/damage-check';
import { ledgerFileFor, type MailStore } from './db/mail-store';
import { StoreLedger } from './db/store-ledger';
import { sqliteIndexedDb } from './db/sqlite-indexeddb';
import { EventBus } from './events';
import { testIncomingConnection } from './imap/incoming-connection-test';
import { MailEngines } from './imap/mail-engines';
import type { SyncTuning } from './imap/sync-engine';
import { BodyFiles } from './mail/body-files';
import { openMailCache } from './mail/mail-cache';
import { ActionRows, MOVED_IDS } from './mail/action-rows';
import { MailActions } from './mail-actions/mail-actions';
import { ActionReplayer } from './mail-actions/replayer';
import { MailService } from './mail/mail-service';
import { SandboxMailbox } from './mail/sandbox-mailbox';
import { ReceiptAnswers } from './mail/receipt-answers';
import { ReceiptService } from './mail/receipt-service';
import { looksLikeReport } from './reports/report-message';
import { ReportTracker } from './reports/report-tracker';
import { REPORT_IDS, REPORTS_FOLDER_ID, ReportMessages } from './reports/report-messages';
import { sandboxReports } from './sandbox/sandbox-reports';
import { sandboxReadReceipts } from './sandbox/sandbox-receipts';
import { createRouter, type Router } from './ipc/router';
import { DraftsService } from './drafts/drafts-service';
import { OutboxService, storeAttachment } from './outbox/outbox-service';
import { OutboxRepository } from './outbox/repository';
import { startSandboxServer, type SandboxServer } from './sandbox/sandbox-server';
import { measureMime, renderMime, renderSentCopy } from './smtp/mime';
import { SentCopyFiler, type SentCopyFilerDeps } from './sent-copy/sent-copy-filer';
import { sendMessage } from './smtp/transport';
import { recoverOutbox } from './spooler/recovery';
import { Spooler, type SpoolerDeps } from './spooler/spooler';
import { SettingsService } from './settings/settings-service';
import { TranscriptStore } from './transcript/transcript-store';
import { UpdateGate } from './updates/update-gate';
import { makeProfilePrivate, restrictUmask } from './profile/private-profile';
import { COLLECT_GRACE_MS, collectAttachments, outboxReferences } from './attachments/collector';
import { STOP_WITHIN_MS, stopWithin } from './stop-within';

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
  /** Tests only: the sandbox's password for this run (otherwise random and never known outside the core). */
  sandboxSecret?: string;
  /** Seals account secrets; defaults to a key file in userDataDir (the Electron host passes safeStorage). */
  secrets?: SecretBox;
  /** Overrides for tests (retry policy, transport, transport timeouts, concurrency). */
  spooler?: Partial<Pick<SpoolerDeps, 'send' | 'retry' | 'concurrency' | 'now' | 'probe' | 'probePolicy' | 'timeouts' | 'connectionIdleMs'>>;
  log?: Logger;
  /** Tests only: where autoconfig lookups really go (a local server). Production leaves it out. */
  discovery?: DiscoveryOptions;
  /** Overrides for tests (backoff, prefetch, IMAP timeouts). */
  imap?: Partial<SyncTuning>;
  /** Overrides for tests (the Sent copy's retry pauses and IMAP timeouts). */
  sentCopy?: Partial<Pick<SentCopyFilerDeps, 'retry' | 'timeouts'>>;
  /** Opens an http(s) or mailto link with the system (Electron: shell.openExternal); absent in the browser host, where the page opens it. */
  openExternal?: (url: string) => Promise<void>;
}

export interface Core {
  router: Router;
  events: EventBus;
  db: MailDatabase;
  /** Outbox items, drafts, transcripts and quarantine. */
  store: MailStore;
  /** Where the Electron host reports a downloaded update; restarts wait for sends in progress. */
  updates: UpdateGate;
  status(): AppStatus;
  /** Resolves when start-up recovery has finished. */
  ready: Promise<void>;
  /** The host's view of the network (Electron: net.isOnline). */
  setOnline(online: boolean): void;
  /** The machine woke from sleep. */
  resume(): void;
  close(): Promise<void>;
}

/** Shown in the window: the most recent rows in quarantine are listed, all are counted. */
const QUARANTINE_LISTED = 50;

function storageStatus(store: MailStore, damage: StorageDamage | null): NonNullable<AppStatus['storage']> {
  const rows = store.listQuarantine();
  return { damage, quarantined: rows.slice(-QUARANTINE_LISTED).map(({ id, at, reason }) => ({ id, at, reason })), quarantinedTotal: rows.length };
}

const silentLog: Logger = { info: () => undefined, error: () => undefined };

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? silentLog;
  const events = new EventBus((name, error) => log.error(`event listener for ${name} failed`, error));
  const updates = new UpdateGate(events);
  restrictUmask();
  makeProfilePrivate(options.userDataDir);
  const dbDir = join(options.userDataDir, 'db');
  const dbFile = sqliteFileFor(dbDir, DATABASE_NAME);
  const storeFile = join(options.userDataDir, 'outbox.sqlite');
  const { store, damage } = openCheckedStore(storeFile, new StoreLedger(ledgerFileFor(storeFile)), join(options.userDataDir, 'damaged'), (message) => log.error(`store: ${message}`));
  if (damage) log.error(`store: damaged outbox store set aside in ${damage.folder}: ${damage.lost.length} lost, ${damage.kept.items} item(s) and ${damage.kept.drafts} draft(s) kept`);
  if (!options.indexedDb) {
    useWriteAheadLog(dbFile);
    const unreadable = findUnreadableRows(dbFile, Date.now());
    if (unreadable.length) {
      // In quarantine on disk before they leave the file they came from: never dropped.
      await store.commit.write(() => unreadable.forEach((row) => store.putQuarantine(row.quarantine)));
      removeRows(dbFile, unreadable);
      for (const row of unreadable) log.error(`store: unreadable row ${row.key} in ${row.table} set aside in quarantine`);
    }
  }
  const db = await openMailDatabase(options.indexedDb ?? sqliteIndexedDb(dbDir));
  const settings = new SettingsService(db, events);
  const secrets = options.secrets ?? new KeyFileSecretBox(join(options.userDataDir, 'secret.key'));
  const accounts = new AccountsService(db, events, secrets, settings, (id) => store.countUnsentOf(id));
  const repo = new OutboxRepository(store);
  const transcript = new TranscriptStore(store, events);
  const attachments = new AttachmentStore(join(options.userDataDir, 'attachments'));
  const uploads = new Uploads(attachments, join(options.userDataDir, 'attachments'));
  const mailCache = openMailCache(join(options.userDataDir, 'mail.sqlite'), (row) => log.error(`mail store: unreadable message row ${row.id} set aside`, row.reason));
  const bodyFiles = new BodyFiles(join(options.userDataDir, 'mail-bodies'));
  // Which messages are reports: their own folder, out of Inbox if the user wishes (nothing moves on the server).
  const reportMessages = new ReportMessages(mailCache);
  const showReports = (placement: Settings['reportsPlacement'], hide: boolean | undefined) => {
    mailCache.reportsView = { hideFromInbox: hide === true, folderId: placement === 'folder' ? REPORTS_FOLDER_ID : null, ids: REPORT_IDS };
  };
  const startSettings = await settings.get();
  showReports(startSettings.reportsPlacement, startSettings.hideReportsFromInbox);
  // Before anything can write a body: files no row names (a removed account's, a dropped folder's) go.
  const collected = bodyFiles.collect(mailCache.referencedBodies());
  if (collected) log.info(`mail store: removed ${collected} unreferenced body file(s)`);
  // The service reads bodies through the engines and the engines keep bodies through the service.
  let engines: MailEngines | null = null;
  // Delivery reports and read receipts, wherever they arrive, update the message they are about.
  const tracker = new ReportTracker({ store, events });
  const trackReport = async (row: MessageRow, raw: Buffer, receivedAt: number): Promise<void> => {
    if (!looksLikeReport(raw)) return;
    try {
      const outcome = await tracker.track(raw, receivedAt);
      if (outcome.kind === 'not-a-report') return;
      await reportMessages.mark(row.id, outcome.kind, outcome.itemId !== null, receivedAt);
      events.emit('mail:folders', mailCache.folders());
      if (outcome.itemId === null) log.info(`reports: ${outcome.kind} report ${outcome.reportId} matches no message sent from here; it stays in its mailbox`);
    } catch (error) {
      log.error('reports: a delivery report could not be applied', error);
    }
  };
  // The cache size setting: past the limit the oldest bodies go, never the one on screen, a draft's or the sandbox's (no server to fetch them again).
  const bodyLimit = new BodyCacheLimit(
    bodyFiles,
    () => mailCache.bodyRows(),
    (row) => row.id === mail.openId || row.role === 'drafts' || row.account_id === SANDBOX_ACCOUNT_ID,
    bodyCacheLimitBytes(startSettings),
  );
  const keepUnderLimit = () => bodyLimit.schedule(2_000, (error) => log.error('mail store: the body cache limit could not be applied', error));
  const mail = new MailService(mailCache, bodyFiles, (row) => (engines as MailEngines).fetchBody(row), events, async (row, raw) => {
    await trackReport(row, raw, row.date);
    keepUnderLimit();
  });
  keepUnderLimit();
  engines = new MailEngines({
    cache: mailCache,
    events,
    log,
    credentials: (account) => accounts.incomingCredentialsFor(account),
    storeBody: (row, raw) => mail.store(row, raw),
    ...(options.imap ? { tuning: options.imap } : {}),
  });
  const mailEngines = engines;
  // Read, star, move, archive, delete, junk: applied here at once, queued, replayed on each account's server.
  const actionRows = new ActionRows(mailCache);
  mailCache.movedIds = MOVED_IDS;
  let replayer: ActionReplayer | null = null;
  const mailActions = new MailActions({ cache: mailCache, rows: actionRows, account: (id) => accounts.get(id), events, kick: (id) => replayer?.kick(id) });
  replayer = new ActionReplayer({
    actions: mailActions,
    account: (id) => accounts.get(id),
    credentials: (account) => accounts.incomingCredentialsFor(account),
    log,
    replayedFor: (accountId) => mailEngines.syncNow(accountId),
    ...(options.imap?.timeouts ? { timeouts: options.imap.timeouts } : {}),
  });
  const actionReplayer = replayer;
  const sandboxMailbox = new SandboxMailbox(SANDBOX_ACCOUNT_ID, mailCache, async (id, raw) => {
    const row = mailCache.row(id);
    if (row) await mail.store(row, raw);
  }, events);
  await sandboxMailbox.open();

  let status: AppStatus = { phase: 'recovering', recovery: { total: 0, done: 0 }, online: true, unreachable: [], host: options.host, version: options.version, storage: storageStatus(store, damage) };
  const setStatus = (next: Partial<AppStatus>) => {
    status = { ...status, ...next };
    events.emit('app:status', status);
  };

  const sandbox: SandboxServer = await startSandboxServer({
    dir: join(options.userDataDir, 'sandbox'),
    ...(options.sandboxPort !== undefined ? { port: options.sandboxPort } : {}),
    ...(options.sandboxSecret ? { secret: options.sandboxSecret } : {}),
    onMessage: async (message) => {
      await durableWrite(
        () => db.sandboxMail.put(message),
        async () => (await db.sandboxMail.get(message.id)) !== undefined,
      );
      events.emit('sandbox:received', message);
      // Also readable as mail; a failure here is logged and leaves the sandbox list as it was.
      await readFile(join(options.userDataDir, 'sandbox', `${message.id}.eml`))
        .then(async (raw) => {
          await sandboxMailbox.add(raw, message.receivedAt);
          // The sandbox answers receipt requests like a real server, into the same mailbox.
          for (const report of sandboxReports(message, raw)) await sandboxMailbox.add(report.raw, Date.now(), false);
          for (const receipt of sandboxReadReceipts(message, raw)) await sandboxMailbox.add(receipt, Date.now(), false);
        })
        .catch((error) => log.error('sandbox mailbox: message not added', error));
    },
    onError: (error) => log.error('sandbox server error', error),
  });
  await accounts.upsertSandbox(sandbox.port, sandbox.credentials);
  // The stores and the sandbox have made their files; SQLite gives a -wal or -shm file the mode of its database.
  makeProfilePrivate(options.userDataDir);

  // Engines follow the account list: started now, restarted or stopped as accounts change.
  let applying: Promise<void> = Promise.resolve();
  const applyAccounts = (list: Awaited<ReturnType<typeof accounts.list>>) => {
    applying = applying.then(() => mailEngines.apply(list)).catch((error) => log.error('mail engines: accounts not applied', error));
  };
  events.onAny((name, payload) => {
    if (name === 'accounts:changed') applyAccounts(payload as Awaited<ReturnType<typeof accounts.list>>);
    if (name === 'settings:changed') {
      const next = payload as Settings;
      showReports(next.reportsPlacement, next.hideReportsFromInbox);
      events.emit('mail:folders', mailCache.folders());
      void bodyLimit.setLimit(bodyCacheLimitBytes(next)).catch((error) => log.error('mail store: the body cache limit could not be applied', error));
    }
  });
  applyAccounts(await accounts.list());
  // What was queued before a restart goes on now.
  actionReplayer.kickAll();

  const spooler = new Spooler({
    repo,
    accounts,
    events,
    transcript,
    send: sendMessage,
    render: (item) => renderMime(item, attachments),
    measure: (item) => measureMime(item, attachments),
    check: (item) => {
      const missing = item.attachments.find((a) => !attachments.has(a.sha256));
      return missing ? reason('reason.attachmentMissing', { name: missing.name }) : null;
    },
    ...options.spooler,
    onConnectivityChange: (online, unreachable) => {
      if (online !== status.online || JSON.stringify(unreachable) !== JSON.stringify(status.unreachable)) setStatus({ online, unreachable });
    },
    onError: (error) => log.error('spooler error', error),
  });

  // The copy in the server's Sent folder: after the send, on its own connection, never in the send's way.
  const sentCopies = new SentCopyFiler({
    repo,
    accounts,
    events,
    render: (item) => renderSentCopy(item, attachments),
    ...options.sentCopy,
    onError: (error) => log.error('sent copy error', error),
  });

  const attachmentsDir = join(options.userDataDir, 'attachments');
  const collectGarbage = () => {
    try {
      const references = outboxReferences({ items: () => store.listItems(), drafts: () => store.listDrafts(), quarantined: () => store.listQuarantine() });
      const removed = collectAttachments(attachmentsDir, references);
      if (removed.length) log.info(`attachments: removed ${removed.length} file(s) no message or draft refers to`);
    } catch (error) {
      log.error('attachments: collection failed', error);
    }
  };
  // Hourly, like the grace: a deleted message's files go within about two hours.
  const collector = setInterval(collectGarbage, COLLECT_GRACE_MS);
  collector.unref();

  const ready = (async () => {
    const report = await recoverOutbox(store);
    setStatus({ recovery: { total: report.total, done: 0 } });
    for (const item of report.requeued) events.emit('outbox:changed', item);
    setStatus({ phase: 'ready', recovery: { total: report.total, done: report.total } });
    log.info(`recovery: ${report.total} undelivered message(s), ${report.requeued.length} interrupted send(s) re-queued`);
    for (const row of report.quarantined) log.error(`recovery: set aside outbox row ${row.id} in quarantine`, row.reason);
    setStatus({ storage: storageStatus(store, damage) });
    // Awaited, so no submit can race the queue index being filled.
    await spooler.start();
    sentCopies.start();
    collectGarbage();
  })();

  const drafts = new DraftsService(store, events, attachments);
  const outbox = new OutboxService({ repo, accounts, settings, attachments, events, spooler, ready, onDraftsChanged: () => drafts.announce() });
  // Read receipts asked of the user: the reading pane's detail says so; answers leave through the outbox.
  const receipts = new ReceiptService({
    cache: mailCache,
    answers: new ReceiptAnswers(mailCache),
    rawOf: async (row) => (row.body_sha && bodyFiles.has(row.body_sha) ? bodyFiles.read(row.body_sha) : mailEngines.fetchBody(row)),
    accounts: () => accounts.list(),
    queue: async (receipt) => void (await outbox.submitReceipt(receipt)),
    onError: (error) => log.error('read receipts: a request could not be answered', error),
  });

  const router = createRouter(
    {
      'outbox.submit': (draft) => outbox.submit(draft),
      'outbox.abort': ({ id }) => outbox.abort(id),
      'outbox.window': (request) => outbox.window(request),
      'outbox.get': ({ id }) => outbox.get(id),
      'outbox.retry': ({ id }) => outbox.retry(id),
      'outbox.delete': ({ id }) => outbox.delete(id),
      'outbox.retrySentCopy': ({ id }) => sentCopies.retryNow(id),
      'drafts.save': (draft) => drafts.save(draft),
      'drafts.list': () => drafts.list(),
      'drafts.delete': ({ id }) => drafts.delete(id),
      'attachments.put': (input) => storeAttachment(attachments, input),
      'attachments.begin': (input) => uploads.begin(input),
      'attachments.append': (input) => uploads.append(input),
      'attachments.commit': (input) => uploads.commit(input.uploadId),
      'attachments.cancel': (input) => uploads.cancel(input.uploadId),
      'transcript.get': ({ id }) => transcript.forItem(id),
      'sandbox.list': () => db.sandboxMail.orderBy('[receivedAt+id]').reverse().toArray(),
      'accounts.list': () => accounts.list(),
      'accounts.save': (input) => accounts.save(input),
      'accounts.remove': ({ id }) => accounts.remove(id),
      'accounts.test': async ({ id }) => {
        const account = await accounts.get(id);
        return testConnection(account, await accounts.credentialsFor(account), options.spooler?.timeouts);
      },
      'accounts.trustCertificate': ({ id, sha256, server }) =>
        server === 'incoming' ? accounts.trustIncomingCertificate(id, sha256) : accounts.trustCertificate(id, sha256),
      // Reading mail lands in parts; until the IMAP engine is wired, these say so with a code.
      'accounts.discover': ({ address }) => discoverSettings(address, options.discovery),
      'accounts.testIncoming': async ({ id }) => {
        const account = await accounts.get(id);
        if (!account.incoming) throw failure('ILLEGAL_STATE', 'reason.noIncoming');
        return testIncomingConnection(account.incoming, await accounts.incomingCredentialsFor(account), options.spooler?.timeouts);
      },
      'mail.folders': () => mail.folders(),
      'mail.list': (request) => mail.list(request),
      'mail.get': async ({ id }) => receipts.decorate(await mail.get(id)),
      'mail.attachment': ({ id, partId, offset }) => mail.attachment(id, partId, offset),
      'mail.allowRemoteContent': async ({ id, scope }) => receipts.decorate(await mail.allowRemoteContent(id, scope)),
      'mail.sync': ({ accountId }) => {
        mailEngines.syncNow(accountId);
        return mailEngines.statuses();
      },
      'mail.syncStatus': () => mailEngines.statuses(),
      'mail.searchServer': ({ folderId, query }) => mailEngines.searchServer(folderId, query, (row) => row.body_sha !== null && bodyFiles.has(row.body_sha)),
      'app.status': () => status,
      'app.openExternal': async ({ url }) => {
        if (!options.openExternal) return { opened: false };
        await options.openExternal(url);
        return { opened: true };
      },
      'settings.get': () => settings.get(),
      'app.restartToUpdate': () => updates.restart(),
      'settings.update': async (changes) => {
        // A default that names no account would silently send from another one.
        if (changes.defaultAccountId !== undefined && !(await accounts.list()).some((a) => a.id === changes.defaultAccountId)) {
          throw failure('INVALID_ARG', 'reason.noSuchAccount');
        }
        return settings.update(changes);
      },
      'mail.act': (request) => mailActions.act(request),
      'mail.undo': ({ actionId }) => mailActions.undo(actionId),
      'mail.emptyTrash': ({ folderId }) => mailActions.emptyTrash(folderId),
      'mail.actions': () => mailActions.pending(),
      'mail.dismissConflicts': ({ accountId }) => mailActions.dismissConflicts(accountId),
      'mail.forwardAttachments': ({ id, asMessage }) => mail.forwardAttachments(id, asMessage, attachments),
      'mail.answerReceipt': async ({ id, send }) => {
        await receipts.answer(id, send);
        return receipts.decorate(await mail.get(id));
      },
      'reports.unmatched': () => reportMessages.unmatched(),
    },
    (name, error) => log.error(`command ${name} failed`, error),
  );

  return {
    router,
    events,
    db,
    store,
    updates,
    status: () => status,
    ready,
    setOnline: (online) => {
      spooler.setHostOnline(online);
      mailEngines.setOnline(online);
      actionReplayer.setOnline(online);
      sentCopies.setOnline(online);
    },
    resume: () => {
      spooler.resume();
      mailEngines.resume();
      actionReplayer.kickAll();
      sentCopies.resume();
    },
    async close() {
      clearInterval(collector);
      bodyLimit.cancel();
      await ready.catch(() => undefined);
      await spooler.stop();
      // A server that never answers must not keep the app from quitting: what these were doing is
      // either durable already or done again at the next start.
      await stopWithin('sent copies', sentCopies.stop(), log, STOP_WITHIN_MS);
      await transcript.flush();
      await stopWithin('sandbox', sandbox.close(), log, STOP_WITHIN_MS);
      await applying;
      await stopWithin('mailbox actions', actionReplayer.stop(), log, STOP_WITHIN_MS);
      await stopWithin('mail sync', mailEngines.stop(), log, STOP_WITHIN_MS);
      db.close();
      store.close();
      mailCache.close();
    },
  };
}
