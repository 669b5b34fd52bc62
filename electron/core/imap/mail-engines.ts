/**
 * One sync engine per account that receives: started for accounts with an
 * incoming server, restarted when that server or its login changes, stopped
 * (and the account's cached mail dropped) when the account goes.
 */
import type { Account } from '../../../shared/model';
import type { ServerSearchResult, SyncStatus } from '../../../shared/mail-model';
import { failure } from '../../../shared/i18n/reason';
import type { Logger } from '../create-core';
import type { EventBus } from '../events';
import type { MailCache } from '../mail/mail-cache';
import type { MessageRow } from '../mail/message-rows';
import type { ImapCredentials } from './imap-options';
import { SyncEngine, type SyncTuning } from './sync-engine';

export interface MailEnginesDeps {
  cache: MailCache;
  events: EventBus;
  log: Logger;
  credentials: (account: Account) => Promise<ImapCredentials>;
  storeBody: (row: MessageRow, raw: Buffer) => Promise<void>;
  tuning?: Partial<SyncTuning>;
}

export class MailEngines {
  private readonly engines = new Map<string, { engine: SyncEngine; key: string }>();
  private online = true;
  private stopped = false;

  constructor(private readonly deps: MailEnginesDeps) {}

  /** Brings the running engines in line with the account list. */
  async apply(accounts: readonly Account[]): Promise<void> {
    if (this.stopped) return;
    const wanted = new Map(accounts.filter((a) => a.incoming).map((a) => [a.id, a]));
    for (const [id, running] of this.engines) {
      const account = wanted.get(id);
      if (account && keyOf(account) === running.key) continue;
      this.engines.delete(id);
      await running.engine.stop();
      if (!account) await this.forget(id);
    }
    for (const account of wanted.values()) {
      if (this.engines.has(account.id)) continue;
      const engine = new SyncEngine({
        account,
        credentials: () => this.deps.credentials(account),
        cache: this.deps.cache,
        storeBody: this.deps.storeBody,
        events: this.deps.events,
        log: this.deps.log,
        ...(this.deps.tuning ? { tuning: this.deps.tuning } : {}),
      });
      this.engines.set(account.id, { engine, key: keyOf(account) });
      engine.setOnline(this.online);
      engine.start();
    }
    // Mail of accounts that no longer exist (removed while the app was closed) goes too.
    const known = new Set(accounts.map((a) => a.id));
    for (const folder of this.deps.cache.folders()) if (!known.has(folder.accountId)) await this.forget(folder.accountId);
  }

  setOnline(online: boolean): void {
    this.online = online;
    for (const { engine } of this.engines.values()) engine.setOnline(online);
  }

  resume(): void {
    for (const { engine } of this.engines.values()) engine.resume();
  }

  syncNow(accountId?: string): void {
    for (const { engine } of this.engines.values()) if (!accountId || engine.accountId === accountId) void engine.syncNow();
  }

  statuses(): SyncStatus[] {
    return [...this.engines.values()].map(({ engine }) => engine.status());
  }

  /** The server's SEARCH in one folder of an IMAP account; offline when its engine is not connected, none when the folder has no server (the sandbox). */
  async searchServer(folderId: string, query: string, hasBody: (row: MessageRow) => boolean): Promise<ServerSearchResult> {
    const folder = this.deps.cache.folder(folderId);
    const running = folder ? this.engines.get(folder.accountId) : undefined;
    if (!running) return { state: 'none', found: 0, fetched: 0 };
    return running.engine.searchServer(folderId, query, hasBody);
  }

  fetchBody(row: MessageRow): Promise<Buffer> {
    const running = this.engines.get(row.account_id);
    if (!running) return Promise.reject(failure('NOT_CONNECTED', 'reason.mailNotDownloaded'));
    return running.engine.fetchBody(row);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const all = [...this.engines.values()];
    this.engines.clear();
    await Promise.all(all.map(({ engine }) => engine.stop()));
  }

  private async forget(accountId: string): Promise<void> {
    const { removed } = await this.deps.cache.setFolders(accountId, []);
    if (removed.length) this.deps.events.emit('mail:folders', this.deps.cache.folders());
  }
}

/** What a running engine depends on: a change restarts it. The secret itself is read at connect time. */
const keyOf = (account: Account): string => JSON.stringify(account.incoming);
