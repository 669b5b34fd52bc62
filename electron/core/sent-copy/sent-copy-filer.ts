/**
 * Files a copy of each sent message in the account's Sent folder on its IMAP
 * server, on its own connection (never the sync engine's), after the send and
 * apart from it: nothing here can hold up or change a send. Each copy's state
 * is written before the step it permits (`appending` before the APPEND), so a
 * crash or a lost line is followed by a search for the Message-ID, not by a
 * second copy. Offline it waits; a server that cannot be reached is retried
 * with growing pauses; a permanent refusal is shown with its reason.
 */
import { ImapFlow } from 'imapflow';
import { AppFailure } from '../../../shared/errors';
import { failure } from '../../../shared/i18n/reason';
import type { Account, OutboxItem, SentCopy } from '../../../shared/model';
import type { AccountsService } from '../accounts/accounts-service';
import type { EventBus } from '../events';
import { imapOptions, type ImapCredentials, type ImapTimeouts } from '../imap/imap-options';
import { syncFailureReason } from '../imap/sync-failure';
import type { OutboxRepository } from '../outbox/repository';
import type { RetryPolicy } from '../spooler/backoff';
import { CopyRefused, fileCopy } from './file-copy';
import { appending, failed, filed, later, retried, skipped, waitsForFiling } from './sent-copy-state';

/** Pauses between tries: short at first, an hour at most; the give-up age is not used (see MAX_REFUSED_ATTEMPTS). */
export const SENT_COPY_RETRY: RetryPolicy = { firstDelayMs: 30_000, factor: 2, maxDelayMs: 60 * 60_000, jitter: 0.2, giveUpAfterMs: Infinity };
/** A server that answers but keeps refusing the APPEND for no stated reason: given up after this many tries. */
export const MAX_REFUSED_ATTEMPTS = 8;

export interface SentCopyFilerDeps {
  repo: OutboxRepository;
  accounts: Pick<AccountsService, 'get' | 'incomingCredentialsFor'>;
  events: EventBus;
  /** The message as it was sent, Bcc header included. */
  render: (item: OutboxItem) => Promise<Buffer>;
  retry?: RetryPolicy;
  timeouts?: ImapTimeouts;
  /** Tests: another way to open the connection. */
  connect?: (account: Account, credentials: ImapCredentials) => Promise<ImapFlow>;
  now?: () => number;
  onError?: (error: unknown) => void;
}

interface Waiting {
  accountId: string;
  notBefore: number;
}

async function openImap(account: Account, credentials: ImapCredentials, timeouts?: ImapTimeouts): Promise<ImapFlow> {
  const incoming = account.incoming as NonNullable<Account['incoming']>;
  const client = new ImapFlow(imapOptions(incoming, credentials, timeouts));
  // Errors also reject the command in progress; this keeps one from becoming an unhandled 'error' event.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

const isGone = (error: unknown): boolean => error instanceof AppFailure && (error.appError.code === 'NOT_FOUND' || error.appError.code === 'ILLEGAL_STATE');

export class SentCopyFiler {
  private readonly waiting = new Map<string, Waiting>();
  private readonly workers = new Map<string, Promise<void>>();
  /** Accounts whose server could not be reached: left alone until then (or until the network comes back). */
  private readonly blockedUntil = new Map<string, number>();
  private readonly clients = new Set<ImapFlow>();
  private readonly retry: RetryPolicy;
  private readonly now: () => number;
  private running = false;
  private online = true;
  private timer: NodeJS.Timeout | null = null;
  private kickScheduled = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: SentCopyFilerDeps) {
    this.retry = deps.retry ?? SENT_COPY_RETRY;
    this.now = deps.now ?? Date.now;
    this.unsubscribe = deps.events.onAny((name, payload) => {
      if (name === 'outbox:changed') this.follow(payload as OutboxItem);
      if (name === 'outbox:removed') this.waiting.delete((payload as { id: string }).id);
    });
  }

  /** Loads the copies still to file from the store, then starts. Run after outbox recovery. */
  start(): void {
    for (const item of this.deps.repo.store.sentCopiesWaiting()) this.follow(item);
    this.running = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    // An APPEND cut here leaves `appending`: the next start searches before appending again.
    for (const client of this.clients) client.close();
    await Promise.all([...this.workers.values()]);
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) this.blockedUntil.clear();
    this.kick();
  }

  resume(): void {
    this.blockedUntil.clear();
    this.kick();
  }

  /** The user's Retry: a failed copy is tried again now (searched first when it had reached a folder). */
  async retryNow(id: string): Promise<OutboxItem> {
    const item = await this.deps.repo.updateSentCopy(id, (copy) => {
      if (copy.state === 'failed') return { ...retried(copy, this.now()), state: copy.folder ? 'appending' : 'pending' };
      if (copy.state === 'pending' || copy.state === 'appending') return { ...copy, notBefore: this.now() };
      throw failure('ILLEGAL_STATE', 'reason.sentCopyNotRetryable', { state: copy.state }, { state: copy.state });
    });
    this.blockedUntil.delete(item.accountId);
    this.deps.events.emit('outbox:changed', item);
    return item;
  }

  private follow(item: OutboxItem): void {
    if (waitsForFiling(item) && item.sentCopy) {
      this.waiting.set(item.id, { accountId: item.accountId, notBefore: item.sentCopy.notBefore });
      this.kick();
    } else {
      this.waiting.delete(item.id);
    }
  }

  private kick(): void {
    if (!this.running || this.kickScheduled) return;
    this.kickScheduled = true;
    setImmediate(() => {
      this.kickScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (!this.running) return;
    const now = this.now();
    if (this.online) {
      for (const accountId of new Set([...this.waiting.values()].map((w) => w.accountId))) {
        if (this.workers.has(accountId) || (this.blockedUntil.get(accountId) ?? 0) > now || !this.nextDue(accountId, now)) continue;
        const worker = this.work(accountId)
          .catch((error) => this.deps.onError?.(error))
          .finally(() => {
            this.workers.delete(accountId);
            this.kick();
          });
        this.workers.set(accountId, worker);
      }
    }
    this.scheduleNext(now);
  }

  private scheduleNext(now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const times = [...this.waiting.values()].map((w) => Math.max(w.notBefore, this.blockedUntil.get(w.accountId) ?? 0)).filter((t) => t > now);
    if (!times.length || !this.running) return;
    // Capped so a clock change or a sleep is noticed within a minute.
    this.timer = setTimeout(() => this.kick(), Math.min(Math.min(...times) - now, 60_000));
    this.timer.unref?.();
  }

  private nextDue(accountId: string, now: number): string | null {
    let best: [string, number] | null = null;
    for (const [id, w] of this.waiting) if (w.accountId === accountId && w.notBefore <= now && (!best || w.notBefore < best[1])) best = [id, w.notBefore];
    return best ? best[0] : null;
  }

  /** Files the account's due copies one after another over one connection. */
  private async work(accountId: string): Promise<void> {
    let client: ImapFlow | null = null;
    try {
      for (;;) {
        if (!this.running || !this.online) return;
        const id = this.nextDue(accountId, this.now());
        if (!id) return;
        const item = this.deps.repo.store.getItem(id);
        if (!item || !waitsForFiling(item)) {
          this.waiting.delete(id);
          continue;
        }
        const result = await this.fileOne(item, client);
        client = result.client;
        if (result.stop) return;
      }
    } finally {
      if (client) await this.close(client);
    }
  }

  private async fileOne(item: OutboxItem, open: ImapFlow | null): Promise<{ client: ImapFlow | null; stop: boolean }> {
    let client = open;
    const copy = item.sentCopy as SentCopy;
    try {
      const account = await this.deps.accounts.get(item.accountId).catch((error: unknown) => (isGone(error) ? null : Promise.reject(error)));
      if (!account?.incoming) {
        await this.write(item.id, (c) => skipped(c, { key: 'reason.sentCopyNoIncoming' }, this.now()));
        return { client, stop: false };
      }
      if (account.incoming.sentCopy === 'server') {
        await this.write(item.id, (c) => skipped(c, { key: 'reason.sentCopyServerSetting' }, this.now()));
        return { client, stop: false };
      }
      if (!client) {
        const credentials = await this.deps.accounts.incomingCredentialsFor(account);
        client = await (this.deps.connect ?? ((a, c) => openImap(a, c, this.deps.timeouts)))(account, credentials);
        this.clients.add(client);
      }
      const outcome = await fileCopy({
        client,
        item,
        mode: account.incoming.sentCopy,
        render: () => this.deps.render(item),
        markAppending: async (folder) => {
          await this.write(item.id, (c) => appending(c, folder));
        },
      });
      await this.write(item.id, (c) => (outcome.kind === 'filed' ? filed(c, outcome.folder, this.now()) : skipped(c, outcome.reason, this.now())));
      return { client, stop: false };
    } catch (error) {
      if (isGone(error)) {
        // Deleted (or changed by the user) meanwhile: nothing left to file.
        this.waiting.delete(item.id);
        return { client, stop: false };
      }
      if (error instanceof CopyRefused) {
        const stored = await this.write(item.id, (c) => failed(c, error.reason, this.now())).catch((e: unknown) => {
          if (!isGone(e)) this.deps.onError?.(e);
          return isGone(e);
        });
        if (stored) return { client, stop: false };
        // The failure could not be stored (a full disk): not asked again at once.
        this.blockedUntil.set(item.accountId, this.now() + 1000);
        return { client, stop: true };
      }
      if (error instanceof AppFailure && error.appError.code === 'STORAGE_FAILED') {
        // The disk refused a state: nothing was appended after it. Tried again in a while.
        this.deps.onError?.(error);
        this.blockedUntil.set(item.accountId, this.now() + 1000);
        return { client, stop: true };
      }
      // The connection is not to be trusted after an error: a new one for the next try.
      if (client) {
        this.clients.delete(client);
        client.close();
      }
      const why = error instanceof AppFailure ? (error.appError.reason ?? syncFailureReason(error)) : syncFailureReason(error);
      const refusedTooOften = why.key === 'reason.imapFailed' && copy.attempts + 1 >= MAX_REFUSED_ATTEMPTS;
      const stored = await this.write(item.id, (c) => (refusedTooOften ? failed(c, why, this.now()) : later(c, why, this.now(), this.retry))).catch((e: unknown) => {
        if (!isGone(e)) this.deps.onError?.(e);
        return null;
      });
      // The server is down or refusing us: the account's other copies wait with this one.
      if (stored?.sentCopy) this.blockedUntil.set(item.accountId, stored.sentCopy.notBefore);
      return { client: null, stop: true };
    }
  }

  private async write(id: string, change: (copy: SentCopy) => SentCopy): Promise<OutboxItem> {
    const item = await this.deps.repo.updateSentCopy(id, change);
    this.deps.events.emit('outbox:changed', item);
    return item;
  }

  private async close(client: ImapFlow): Promise<void> {
    this.clients.delete(client);
    await client.logout().catch(() => client.close());
  }
}
