/**
 * The incoming half of one account: a connection loop that syncs every folder
 * (headers first, recent bodies after), then watches INBOX with IDLE and
 * re-syncs what the server says changed, plus a full round now and then for
 * the other folders. A lost line, a refused login or a garbled reply becomes
 * the account's SyncStatus and a reconnect with backoff; nothing the server
 * sends can end the loop. Offline (setOnline(false)) it waits without trying;
 * resume() after sleep reconnects at once.
 */
import { ImapFlow, type ListResponse } from 'imapflow';
import type { Account } from '../../../shared/model';
import type { MailChanged, ServerSearchResult, SyncStatus } from '../../../shared/mail-model';
import { failure } from '../../../shared/i18n/reason';
import type { Logger } from '../create-core';
import type { EventBus } from '../events';
import { folderIdFor, messageIdFor } from '../mail/ids';
import type { FolderInfo, MailCache } from '../mail/mail-cache';
import type { MessageRow } from '../mail/message-rows';
import { flagsOf } from './fetched-message';
import { isSelectable, roleOf } from './folder-roles';
import { syncFolder, uidSet, withFolder } from './folder-sync';
import { HEADER_QUERY, newMessageOf } from './fetched-message';
import { SERVER_SEARCH_MAX_BODIES, newestUids, serverSearchQuery } from './server-search';
import { newMailOf } from '../mail/new-mail';
import { toSummary } from '../mail/message-rows';
import { imapOptions, type ImapCredentials, type ImapTimeouts } from './imap-options';
import { syncFailureReason } from './sync-failure';
import { stopWithin } from '../stop-within';

/** How long stop() waits for the loop to notice it is stopped. */
const LOOP_STOP_MS = 5_000;
import { WakeSignal } from './wake-signal';

export interface SyncTuning {
  /** First reconnect delay, doubled per failure up to maxBackoffMs. */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** A full round over every folder this often, besides what IDLE reports. */
  fullSyncEveryMs: number;
  /** Bodies kept ahead of reading: mail this recent, this small, this many per folder. */
  prefetchDays: number;
  prefetchMaxBytes: number;
  prefetchPerFolder: number;
  timeouts: ImapTimeouts;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  minBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  fullSyncEveryMs: 5 * 60_000,
  prefetchDays: 14,
  prefetchMaxBytes: 2 * 1024 * 1024,
  prefetchPerFolder: 200,
  timeouts: {},
};

export interface SyncEngineDeps {
  account: Account;
  credentials: () => Promise<ImapCredentials>;
  cache: MailCache;
  /** Keeps a fetched body (file, then row) and announces it. */
  storeBody: (row: MessageRow, raw: Buffer) => Promise<void>;
  events: EventBus;
  log: Logger;
  tuning?: Partial<SyncTuning>;
}

const ALL = '*';

export class SyncEngine {
  private readonly tuning: SyncTuning;
  private readonly signal = new WakeSignal();
  private client: ImapFlow | null = null;
  /** A connection still being opened: stopping or going offline closes it too, rather than wait out its greeting timeout. */
  private connecting: ImapFlow | null = null;
  private online = true;
  private stopped = false;
  private loop: Promise<void> | null = null;
  /** Folder paths to sync on the next turn; ALL for a full round. */
  private readonly wanted = new Set<string>([ALL]);
  private state: SyncStatus;
  private roundWaiters: (() => void)[] = [];
  private rechecked = false;

  constructor(private readonly deps: SyncEngineDeps) {
    this.tuning = { ...DEFAULT_SYNC_TUNING, ...deps.tuning };
    this.state = { accountId: deps.account.id, state: 'idle', progress: null, lastSyncAt: null, error: null };
  }

  get accountId(): string {
    return this.deps.account.id;
  }

  status(): SyncStatus {
    return this.state;
  }

  start(): void {
    this.loop ??= this.run().catch((error) => this.deps.log.error(`imap ${this.accountId}: sync loop ended`, error));
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (!online) this.dropConnection();
    this.signal.wake();
  }

  /** After sleep: the old connection is likely dead; reconnect now rather than after a timeout. */
  resume(): void {
    this.dropConnection();
    this.wanted.add(ALL);
    this.signal.wake();
  }

  /** Asks for a full round now; resolves when the next round ends (or at once when offline). */
  syncNow(): Promise<void> {
    this.wanted.add(ALL);
    const done = new Promise<void>((resolve) => this.roundWaiters.push(resolve));
    this.signal.wake();
    return this.online ? done : Promise.resolve();
  }

  /** The raw bytes of one message, fetched over the live connection. */
  async fetchBody(row: MessageRow): Promise<Buffer> {
    const client = this.client;
    const folder = this.deps.cache.folder(row.folder_id);
    if (!client?.usable || !folder) throw failure('NOT_CONNECTED', 'reason.mailNotDownloaded');
    const message = await withFolder(client, folder.path, () => client.fetchOne(String(row.uid), { uid: true, source: true }, { uid: true })).catch((error: unknown) => {
      throw failure('NOT_CONNECTED', 'reason.mailNotDownloaded', {}, { cause: String((error as Error)?.message ?? error) });
    });
    // IDLE watches whatever is selected: go back to INBOX, or new mail would wait for the next full round.
    void this.settleOnInbox(client);
    if (!message || !message.source) throw failure('NOT_FOUND', 'reason.mailBodyGone');
    return message.source;
  }

  /**
   * The server's SEARCH in one folder, over the live connection (between the
   * engine's own commands, through the mailbox lock; INBOX is selected again
   * after, so IDLE goes on). Matches missing from the cache get their headers,
   * matches without a body on disk their body (bounded), so the local index finds them.
   */
  async searchServer(folderId: string, typed: string, hasBody: (row: MessageRow) => boolean): Promise<ServerSearchResult> {
    const client = this.client;
    const folder = this.deps.cache.folder(folderId);
    const criteria = serverSearchQuery(typed);
    if (!folder || folder.uidValidity === null || !criteria) return { state: 'done', found: 0, fetched: 0 };
    if (!this.online || !client?.usable) return { state: 'offline', found: 0, fetched: 0 };
    const uidValidity = folder.uidValidity;
    try {
      const found = await withFolder(client, folder.path, async (box) => {
        if (Number(box.uidValidity) !== uidValidity) return null;
        return newestUids((await client.search(criteria, { uid: true })) || []);
      });
      if (!found) return { state: 'done', found: 0, fetched: 0 };
      const known = new Set(this.deps.cache.uidsOf(folderId));
      const missing = found.filter((uid) => !known.has(uid));
      let fetched = 0;
      if (missing.length) {
        const headers = await withFolder(client, folder.path, () => client.fetchAll(uidSet(missing), HEADER_QUERY, { uid: true }));
        const wanted = new Set(missing);
        const added = await this.deps.cache.addMessages(folderId, uidValidity, headers.filter((m) => wanted.has(m.uid)).map(newMessageOf));
        fetched += added.length;
        if (added.length) this.changed({ folderId, added, updated: [], removed: [] });
      }
      // Bodies the index has not seen: a match on the text alone shows only once its text is indexed.
      const bodiless = found
        .map((uid) => this.deps.cache.row(messageIdFor(folderId, uidValidity, uid)))
        .filter((row): row is MessageRow => row !== undefined && !hasBody(row))
        .slice(0, SERVER_SEARCH_MAX_BODIES);
      for (const row of bodiless) {
        const message = await withFolder(client, folder.path, () => client.fetchOne(String(row.uid), { uid: true, source: true }, { uid: true }));
        if (message && message.source) await this.deps.storeBody(row, message.source);
      }
      return { state: 'done', found: found.length, fetched };
    } catch (error) {
      this.deps.log.error(`imap ${this.accountId}: server search failed`, error);
      return { state: 'offline', found: 0, fetched: 0 };
    } finally {
      void this.settleOnInbox(client);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.dropConnection();
    this.signal.wake();
    // imapflow leaves a command that was waiting when its connection closed unsettled for ever (an
    // Inbox being selected as a round ended hung the bench and a CI teardown): the loop is given a
    // moment and then left behind, its connection closed, its next step never taken.
    if (this.loop) await stopWithin(`sync of ${this.deps.account.id}`, this.loop, this.deps.log, LOOP_STOP_MS);
    this.releaseWaiters();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      if (!this.online) {
        this.setState({ state: 'offline', progress: null });
        this.releaseWaiters();
        await this.signal.wait(60 * 60_000);
        continue;
      }
      let client: ImapFlow | null = null;
      try {
        client = this.connection(await this.deps.credentials());
        this.connecting = client;
        await client.connect();
        this.connecting = null;
        if (this.stopped) throw new Error('stopped');
        this.client = client;
        failures = 0;
        this.watch(client);
        await this.serve(client);
      } catch (error) {
        if (this.stopped || !this.online) continue;
        failures++;
        const why = syncFailureReason(error);
        this.deps.log.error(`imap ${this.accountId}: ${why.key}`, describe(error));
        this.setState({ state: 'error', progress: null, error: why });
      } finally {
        this.client = null;
        this.connecting = null;
        this.releaseWaiters();
        client?.close();
      }
      if (this.stopped || !this.online) continue;
      this.wanted.add(ALL);
      const delay = Math.min(this.tuning.maxBackoffMs, this.tuning.minBackoffMs * 2 ** Math.max(0, failures - 1));
      await this.signal.wait(delay * (0.8 + 0.4 * Math.random()));
    }
    this.setState({ state: 'offline', progress: null });
  }

  private connection(credentials: ImapCredentials): ImapFlow {
    const client = new ImapFlow({
      ...imapOptions(this.deps.account.incoming as NonNullable<Account['incoming']>, credentials, this.tuning.timeouts),
      // UIDs in expunge reports; IDLE soon after each round so new mail shows within seconds.
      qresync: true,
      autoIdleDelay: 250,
    });
    // An 'error' event without a listener would throw out of the socket's handler.
    client.on('error', (error: unknown) => this.deps.log.error(`imap ${this.accountId}: connection error`, describe(error)));
    return client;
  }

  /** IDLE reports on the selected folder (INBOX between rounds): new mail, flag changes, expunges. */
  private watch(client: ImapFlow): void {
    client.on('exists', (event: { path: string }) => this.want(event.path));
    client.on('expunge', (event: { path: string }) => this.want(event.path));
    client.on('flags', (event: { path: string; uid?: number; flags?: Set<string> }) => {
      const folder = this.deps.cache.folder(folderIdFor(this.accountId, event.path));
      if (!folder || event.uid === undefined || !event.flags) return this.want(event.path);
      void this.deps.cache
        .updateFlags(folder.id, [{ uid: event.uid, flags: flagsOf(event.flags) }])
        .then((updated) => updated.length && this.changed({ folderId: folder.id, added: [], updated, removed: [] }))
        .catch((error) => this.deps.log.error(`imap ${this.accountId}: flags not stored`, error));
    });
    client.on('close', () => this.signal.wake());
  }

  private want(path: string): void {
    this.wanted.add(path);
    this.signal.wake();
  }

  /** Rounds while the connection lives; throws when it dies so the loop reconnects. */
  private async serve(client: ImapFlow): Promise<void> {
    while (!this.stopped && this.online) {
      if (!client.usable) throw Object.assign(new Error('connection closed'), { code: 'NoConnection' });
      if (this.wanted.size) {
        const paths = [...this.wanted];
        this.wanted.clear();
        if (paths.includes(ALL)) await this.fullRound(client);
        else for (const path of paths) await this.folderRound(client, path);
        this.setState({ state: 'idle', progress: null, error: null, ...(paths.includes(ALL) ? { lastSyncAt: Date.now() } : {}) });
        this.releaseWaiters();
        await this.settleOnInbox(client);
        await this.checkInboxSettled(client);
      }
      if (!this.wanted.size && !(await this.signal.wait(this.tuning.fullSyncEveryMs))) this.wanted.add(ALL);
    }
  }

  /** Selects INBOX through the lock queue (never under another holder's feet), so IDLE watches it between rounds. */
  private async settleOnInbox(client: ImapFlow): Promise<void> {
    try {
      const lock = await client.getMailboxLock('INBOX', { readOnly: true });
      lock.release();
    } catch {
      // The connection went; the loop reconnects.
    }
  }

  /**
   * A change the server reported while one of our FETCHes ran can be taken for part of that
   * FETCH's answer and never reach the 'flags' event. So after a round, INBOX's HIGHESTMODSEQ
   * is compared with what the round recorded; if the server moved on, INBOX goes round again
   * (CONDSTORE makes that cost only what changed).
   */
  private async checkInboxSettled(client: ImapFlow): Promise<void> {
    // At most one extra round in a row: a folder that cannot sync must not spin the loop.
    if (this.rechecked) {
      this.rechecked = false;
      return;
    }
    const stored = this.deps.cache.folder(folderIdFor(this.accountId, 'INBOX'))?.highestModseq;
    if (!stored) return;
    const now = await client.status('INBOX', { highestModseq: true }).catch(() => false as const);
    if (now && now.highestModseq !== undefined && now.highestModseq.toString() !== stored) {
      this.rechecked = true;
      this.wanted.add('INBOX');
    }
  }

  private async fullRound(client: ImapFlow): Promise<void> {
    this.setState({ state: 'syncing', progress: null, error: null });
    const listed = await client.list();
    const folders = listed.map((entry) => this.folderInfo(entry));
    const { removed } = await this.deps.cache.setFolders(this.accountId, folders);
    this.deps.events.emit('mail:folders', this.deps.cache.folders());
    for (const id of removed) this.changed({ folderId: id, added: [], updated: [], removed: [] });
    const order = folders.filter((f) => f.selectable).sort((a, b) => rank(a) - rank(b));
    for (const folder of order) await this.syncOne(client, folder);
    for (const folder of order) await this.prefetch(client, folder);
    this.deps.events.emit('mail:folders', this.deps.cache.folders());
  }

  private async folderRound(client: ImapFlow, path: string): Promise<void> {
    const folder = this.deps.cache.folder(folderIdFor(this.accountId, path));
    if (!folder?.selectable) return;
    await this.syncOne(client, folder);
    await this.prefetch(client, folder);
    this.deps.events.emit('mail:folders', this.deps.cache.folders());
  }

  private async syncOne(client: ImapFlow, folder: FolderInfo): Promise<void> {
    try {
      await syncFolder(client, this.deps.cache, folder, {
        changed: (change) => this.changed(change),
        arrived: (ids) => folder.role === 'inbox' && this.announce(folder, ids),
        progress: (done, total) => this.setState({ state: 'syncing', progress: { done, total } }),
      });
    } catch (error) {
      if (!client.usable) throw error;
      // One folder the server cannot give us must not stop the others; the next round tries again.
      this.deps.log.error(`imap ${this.accountId}: folder ${folder.path} not synced`, describe(error));
    }
  }

  /** Bodies of recent mail, so it reads offline. */
  private async prefetch(client: ImapFlow, folder: FolderInfo): Promise<void> {
    const t = this.tuning;
    const todo = this.deps.cache.uncachedRecent(folder.id, Date.now() - t.prefetchDays * 86_400_000, t.prefetchMaxBytes, t.prefetchPerFolder);
    if (!todo.length) return;
    const byUid = new Map(todo.map((m) => [m.uid, m.id]));
    const fetched = await withFolder(client, folder.path, () => client.fetchAll(todo.map((m) => m.uid).join(','), { uid: true, source: true }, { uid: true }));
    for (const message of fetched) {
      const id = byUid.get(message.uid);
      const row = id ? this.deps.cache.row(id) : undefined;
      if (row && message.source) await this.deps.storeBody(row, message.source);
    }
  }

  private folderInfo(entry: ListResponse): FolderInfo {
    return {
      id: folderIdFor(this.accountId, entry.path),
      accountId: this.accountId,
      path: entry.path,
      name: entry.path.toUpperCase() === 'INBOX' ? 'Inbox' : entry.name,
      delimiter: entry.delimiter || null,
      role: roleOf(entry),
      selectable: isSelectable(entry),
    };
  }

  /** New unread mail in the Inbox: one mail:newMail for the round (a row that cannot be read is left out). */
  private announce(folder: FolderInfo, ids: string[]): void {
    const summaries = ids.flatMap((id) => {
      const row = this.deps.cache.row(id);
      try {
        return row ? [toSummary(row, false)] : [];
      } catch {
        return [];
      }
    });
    const mail = newMailOf(this.accountId, folder.id, summaries);
    if (mail) this.deps.events.emit('mail:newMail', mail);
  }

  private changed(change: MailChanged): void {
    this.deps.events.emit('mail:changed', change);
  }

  private setState(next: Partial<SyncStatus>): void {
    this.state = { ...this.state, ...next };
    this.deps.events.emit('mail:sync', this.state);
  }

  private dropConnection(): void {
    const clients = [this.client, this.connecting];
    this.client = null;
    this.connecting = null;
    for (const client of clients) client?.close();
  }

  private releaseWaiters(): void {
    const waiters = this.roundWaiters;
    this.roundWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

const rank = (f: FolderInfo): number => (f.role === 'inbox' ? 0 : f.role === 'other' ? 2 : 1);

/** For logs: the error's code and text, never the options (which hold the password). */
function describe(error: unknown): string {
  const e = (error ?? {}) as { code?: string; message?: string; responseText?: string };
  return [e.code, e.responseText ?? e.message].filter(Boolean).join(': ');
}
