/**
 * The spooler hands due items to the SMTP transport and records what happened.
 * Each state is written before the step it allows: `sending` before
 * connecting, `handedOffAt` before the final dot. The handoff waits for the
 * disk (fsync); the claim only for its COMMIT. That is enough: the claim is in
 * the log before the handoff, so the handoff's fsync makes it durable too, and
 * a claim lost to a power cut before any handoff leaves an item that was never
 * handed off, which recovery rightly sends again without a flag. A 'sent'
 * outcome is durable but lazy: it is announced only once on disk, with the
 * fsync of the next handoff; lost to a power cut before that, the item is
 * handed off with no reply, the one case recovery resends and flags.
 */
import type { Readable } from 'node:stream';
import { AppFailure, type Reason } from '../../../shared/errors';
import { described, failure } from '../../../shared/i18n/reason';
import { OutboxItemSchema, type OutboxItem, type Recipient, type UnreachableServer } from '../../../shared/model';
import type { AccountsService } from '../accounts/accounts-service';
import type { EventBus } from '../events';
import type { OutboxRepository } from '../outbox/repository';
import type { SpoolerControl } from '../outbox/outbox-service';
import type { Credentials } from '../smtp/connection-options';
import { SessionPool } from '../smtp/session-pool';
import type { SendOutcome, SendRequest } from '../smtp/transport';
import type { TranscriptStore } from '../transcript/transcript-store';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './backoff';
import { Reachability, tcpProbe, type Probe, type ProbePolicy } from './reachability';
import { corruptPatch, failedPatch, requeuePatch, sentPatch, unreachedPatch } from './outcome';
import { WaitingQueue } from './waiting-queue';

interface Flight {
  accountId: string;
  /** The message stream broke: the fault is in our data, not on the line. */
  renderFailed?: boolean;
  controller: AbortController;
  done?: Promise<void>;
  cancelled: boolean;
  handoffStarted: boolean;
  /** The conversation is over and its outcome is being stored: the account's connection is free for the next item. */
  finished?: boolean;
  /** The handoff could not be stored (a full disk): the final dot was not sent. */
  handoffUnstored?: boolean;
}

const UNSTORED_FIRST_DELAY_MS = 250;
const UNSTORED_MAX_DELAY_MS = 10_000;

const isStorageFailure = (error: unknown): boolean => error instanceof AppFailure && error.appError.code === 'STORAGE_FAILED';
const isGone = (error: unknown): boolean => error instanceof AppFailure && (error.appError.code === 'ILLEGAL_STATE' || error.appError.code === 'NOT_FOUND');

export interface SpoolerDeps {
  repo: OutboxRepository;
  accounts: AccountsService;
  events: EventBus;
  transcript: TranscriptStore;
  send: (request: SendRequest) => Promise<SendOutcome>;
  render: (item: OutboxItem) => Readable;
  /** Octets `render` will produce: declared in SIZE and the total of the progress. */
  measure: (item: OutboxItem) => Promise<number>;
  /** Why the item cannot be rendered (a missing attachment file), checked before connecting. */
  check?: (item: OutboxItem) => Reason | null;
  /** Connections at once per account. */
  concurrency?: number;
  retry?: RetryPolicy;
  probe?: Probe;
  probePolicy?: ProbePolicy;
  /** How long a connection stays open after a message, waiting for the next one (ms). */
  connectionIdleMs?: number;
  /** Transport timeouts (connect, greeting, socket); tests shorten them to see a silent server quickly. */
  timeouts?: SendRequest['timeouts'];
  /** Told whenever the host's network or an account's server reachability may have changed. */
  onConnectivityChange?: (online: boolean, unreachable: UnreachableServer[]) => void;
  now?: () => number;
  onError?: (error: unknown) => void;
}

const CANCELLED = new Error('cancelled by the user');

export class Spooler implements SpoolerControl {
  private readonly flights = new Map<string, Flight>();
  private readonly concurrency: number;
  private readonly retry: RetryPolicy;
  private readonly now: () => number;
  private pumpScheduled = false;
  private pumping: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private hostOnline = true;
  private readonly reachability: Reachability;
  /** Consecutive messages for one account share a connection. */
  private readonly pool: SessionPool;
  private readonly waiting = new WaitingQueue();
  private loaded: Promise<void> | null = null;
  /** Outcomes the disk refused, by item: written again until they are stored (see store). */
  private readonly unstored = new Map<string, () => Promise<OutboxItem>>();
  private unstoredTimer: NodeJS.Timeout | null = null;
  private unstoredDelay = UNSTORED_FIRST_DELAY_MS;

  constructor(private readonly deps: SpoolerDeps) {
    this.concurrency = deps.concurrency ?? 2;
    this.retry = deps.retry ?? DEFAULT_RETRY_POLICY;
    this.now = deps.now ?? Date.now;
    this.reachability = new Reachability(deps.probe ?? tcpProbe, () => this.connectivityChanged(), deps.probePolicy);
    this.pool = new SessionPool(deps.connectionIdleMs);
    // Every change to an item is announced after it is stored; the queue index follows them all.
    deps.events.onAny((name, payload) => {
      if (name === 'outbox:changed') this.waiting.follow(payload as OutboxItem);
    });
  }

  /** The host has a network. An account whose server is down is reported on its own (`unreachable`), not as offline. */
  get online(): boolean {
    return this.hostOnline;
  }

  get unreachable(): UnreachableServer[] {
    return this.reachability.unreachable();
  }

  /** From the host (Electron's net.isOnline). Offline pauses the queue; nothing is attempted, so nothing is used up. */
  setHostOnline(online: boolean): void {
    if (online === this.hostOnline) return;
    this.hostOnline = online;
    if (online) this.reachability.clear();
    this.connectivityChanged();
  }

  /** After sleep the world may have changed: forget what was unreachable and try again. */
  resume(): void {
    this.reachability.clear();
    this.kick();
  }

  private connectivityChanged(): void {
    this.deps.onConnectivityChange?.(this.online, this.unreachable);
    this.kick();
  }

  /** Loads what waits (given, or from the store's index), then starts sending. */
  start(waiting?: { id: string; accountId: string; notBefore: number }[]): Promise<void> {
    this.running = true;
    this.loaded = Promise.resolve(waiting ?? this.deps.repo.store.waitingEntries(['queued', 'deferred'])).then((entries) => {
      for (const e of entries) if (!this.flights.has(e.id)) this.waiting.put(e.id, e.accountId, e.notBefore);
      this.kick();
    });
    return this.loaded;
  }

  /**
   * Stops taking new items. Sends not yet handed off are interrupted and go back
   * to the queue; those past the final dot are left to get their reply.
   */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.reachability.stop();
    await this.pumping;
    for (const flight of this.flights.values()) if (!flight.handoffStarted) flight.controller.abort();
    await Promise.all([...this.flights.values()].map((f) => f.done));
    this.pool.close();
    // A last try for outcomes the disk refused; what is still refused is left to recovery at the next start.
    if (this.unstoredTimer) clearTimeout(this.unstoredTimer);
    if (this.unstored.size) await this.writeUnstored();
  }

  get inFlight(): number {
    return this.flights.size;
  }

  kick(): void {
    if (!this.running || this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pumping = this.pump().catch((error) => this.deps.onError?.(error));
    });
  }

  cancelInFlight(id: string): 'cancelled' | 'too-late' | 'idle' {
    const flight = this.flights.get(id);
    if (!flight) return 'idle';
    if (flight.handoffStarted) return 'too-late';
    flight.cancelled = true;
    flight.controller.abort();
    return 'cancelled';
  }

  private async pump(): Promise<void> {
    if (!this.running || !this.hostOnline) return;
    await this.loaded;
    const busy = new Map<string, number>();
    for (const flight of this.flights.values()) if (!flight.finished) busy.set(flight.accountId, (busy.get(flight.accountId) ?? 0) + 1);
    const now = this.now();
    for (const accountId of this.waiting.accounts()) {
      const free = this.concurrency - (busy.get(accountId) ?? 0);
      if (free <= 0 || this.reachability.isBlocked(accountId)) continue;
      for (const entry of this.waiting.dueFor(accountId, now, free, (id) => this.flights.has(id))) this.run(entry.id, accountId);
    }
    this.scheduleNext();
  }

  /**
   * The timer is only for items whose time has not come. Due items waiting for a free
   * connection are started when a flight ends; those waiting for a server, when it answers.
   */
  private scheduleNext(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.waiting.nextAfter(this.now());
    if (next === null || !this.running) return;
    // Capped so a clock change or a long sleep is noticed within a minute.
    const wait = Math.min(Math.max(0, next - this.now()), 60_000);
    this.timer = setTimeout(() => this.kick(), wait);
  }

  private emit(item: OutboxItem): OutboxItem {
    this.deps.events.emit('outbox:changed', item);
    return item;
  }

  private run(id: string, accountId: string): void {
    const flight: Flight = { accountId, controller: new AbortController(), cancelled: false, handoffStarted: false };
    this.flights.set(id, flight);
    flight.done = this.fly(id, flight);
  }

  private async fly(id: string, flight: Flight): Promise<void> {
    try {
      const claimed = await this.deps.repo
        .transition(id, ['queued', 'deferred'], (item) => {
          // Rows from disk are validated when they are taken, not all at start-up: a bad row costs only itself.
          // Items this process built were checked at submit; parsing them again would cost every send.
          const problem = this.deps.repo.isBuiltHere(item.id) ? null : OutboxItemSchema.safeParse(item);
          if (problem && !problem.success) throw failure('CORRUPT_DATA', 'reason.invalidRow', { detail: problem.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
          return { state: 'sending', attempts: item.attempts + 1, handedOffAt: null };
        }, { durable: false })
        .catch(async (error: unknown) => {
          if (error instanceof AppFailure && error.appError.code === 'CORRUPT_DATA') {
            this.waiting.delete(id);
            await this.deps.repo.quarantine(id, `invalid row: ${String(error.appError.reason?.values?.detail ?? error.appError.message)}`);
            return null;
          }
          if (error instanceof AppFailure && (error.appError.code === 'ILLEGAL_STATE' || error.appError.code === 'NOT_FOUND')) {
            this.waiting.delete(id); // cancelled or taken meanwhile; its event will say where it went
            return null;
          }
          // The store refused the write (disk full?): do not spin on the same item.
          this.deps.onError?.(error);
          await new Promise((resolve) => setTimeout(resolve, 1000));
          return null;
        });
      if (!claimed || flight.cancelled) return;
      this.emit(claimed);
      const problem = this.deps.check?.(claimed) ?? null;
      if (problem) {
        await this.recordCorrupt(claimed, problem);
        return;
      }
      const outcome = await this.attempt(claimed, flight);
      // The transcript is a record of the attempt, not part of it: failing to store it must not leave the item stuck.
      // Not awaited before the outcome, so both join the same group commit.
      const transcriptStored = this.deps.transcript.flush({ durable: 'lazy' }).catch((error: unknown) => this.deps.onError?.(error));
      const recorded = flight.renderFailed && outcome.kind === 'failed' && !flight.handoffStarted ? this.recordCorrupt(claimed, outcome.failure.message) : this.record(claimed, outcome, flight);
      if (outcome.kind === 'sent') {
        // The connection takes the next item now, while this outcome reaches the disk: pumped in this same
        // turn, that item's claim joins the outcome's transaction (one commit, not two).
        flight.finished = true;
        this.pumping = this.pump().catch((error) => this.deps.onError?.(error));
      }
      await recorded;
      await transcriptStored;
    } catch (error) {
      this.deps.onError?.(error);
    } finally {
      this.flights.delete(id);
      this.kick();
    }
  }

  private async attempt(item: OutboxItem, flight: Flight): Promise<SendOutcome> {
    const account = await this.deps.accounts.get(item.accountId);
    let credentials: Credentials | undefined;
    try {
      credentials = await this.deps.accounts.credentialsFor(account);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The stored password could not be read.';
      return { kind: 'failed', failure: { code: 'AUTH_FAILED', message, retryable: false }, recipients: [], capabilities: null, reachedServer: true };
    }
    const pending = item.recipients.filter((r) => r.state === 'pending');
    // Unmeasurable means unrenderable: the render below reports it, so the send goes on without a SIZE.
    const total = await this.deps.measure(item).catch(() => null);
    return this.deps.send({
      endpoint: account,
      from: item.from.address,
      to: pending.map((r) => r.address),
      dsn: item.dsn,
      envid: item.envid,
      ...(credentials ? { credentials } : {}),
      ...(total !== null ? { messageSize: total } : {}),
      pool: this.pool,
      onProgress: (sent) => this.deps.events.emit('smtp:progress', { itemId: item.id, sent, total: Math.max(total ?? 0, sent) }),
      message: () => {
        const stream = this.deps.render(item);
        stream.once('error', () => (flight.renderFailed = true));
        return stream;
      },
      signal: flight.controller.signal,
      timeouts: this.deps.timeouts,
      onLine: (line) => this.deps.transcript.append({ ...line, itemId: item.id }),
      beforeFinalDot: async () => {
        // The last moment cancel can win. After this line the send is the server's.
        if (flight.cancelled) throw CANCELLED;
        flight.handoffStarted = true;
        try {
          this.emit(await this.deps.repo.transition(item.id, ['sending'], { handedOffAt: this.now() }));
        } catch (error) {
          if (isStorageFailure(error)) flight.handoffUnstored = true;
          throw error;
        }
      },
    });
  }

  /** MAPI_E_CORRUPT_DATA: see corruptPatch. */
  private recordCorrupt(item: OutboxItem, why: Reason | string): Promise<void> {
    return this.store(item.id, () => this.deps.repo.transition(item.id, ['sending'], (current) => corruptPatch(current, why, this.now())));
  }

  private async record(item: OutboxItem, outcome: SendOutcome, flight: Flight): Promise<void> {
    const now = this.now();
    if (outcome.kind === 'aborted' || flight.handoffUnstored) {
      // Stopped before the final dot. Cancel normally wrote `cancelled` itself; if that write failed, or the
      // handoff could not be stored, the item must not stay in sending: it waits again.
      const current = await this.deps.repo.get(item.id);
      if (current.state === 'sending') await this.store(item.id, () => this.deps.repo.transition(item.id, ['sending'], (c) => requeuePatch(c, this.now())));
      return;
    }
    const ctx = { now, expired: now - item.createdAt >= this.retry.giveUpAfterMs, retryDelay: (attempts: number) => retryDelay(this.retry, attempts) };
    if (outcome.kind === 'sent') {
      await this.store(item.id, () => this.deps.repo.transition(item.id, ['sending'], (current) => sentPatch(current, outcome, ctx), { durable: 'lazy' }));
      return;
    }
    if (!outcome.reachedServer && outcome.failure.retryable) {
      const account = await this.deps.accounts.get(item.accountId);
      this.reachability.block(account);
      await this.store(item.id, () => this.deps.repo.transition(item.id, ['sending'], (current) => unreachedPatch(current, outcome, account, now)));
      return;
    }
    await this.store(item.id, () => this.deps.repo.transition(item.id, ['sending'], (current) => failedPatch(current, outcome, ctx)));
  }

  /**
   * Writes an outcome. If the disk refuses it (full), the outcome is not forgotten: it is kept
   * here and written again, with a growing pause, until the disk takes it. Meanwhile the item
   * stays where it was (sending) and is not sent again: a 250 already received stays a 250.
   */
  private async store(id: string, write: () => Promise<OutboxItem>): Promise<void> {
    try {
      this.emit(await write());
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.deps.onError?.(error);
      this.unstored.set(id, write);
      this.retryUnstoredLater();
    }
  }

  private retryUnstoredLater(): void {
    if (this.unstoredTimer || !this.unstored.size) return;
    this.unstoredTimer = setTimeout(() => void this.writeUnstored(), this.unstoredDelay);
  }

  /** One pass over the outcomes the disk refused; true when none is left. */
  private async writeUnstored(): Promise<boolean> {
    this.unstoredTimer = null;
    for (const [id, write] of [...this.unstored]) {
      try {
        this.emit(await write());
        this.unstored.delete(id);
      } catch (error) {
        if (isStorageFailure(error)) {
          this.unstoredDelay = Math.min(this.unstoredDelay * 2, UNSTORED_MAX_DELAY_MS);
          if (this.running) this.retryUnstoredLater();
          return false;
        }
        // Cancelled or deleted meanwhile: nothing is left to record.
        this.unstored.delete(id);
        if (!isGone(error)) this.deps.onError?.(error);
      }
    }
    this.unstoredDelay = UNSTORED_FIRST_DELAY_MS;
    this.kick();
    return true;
  }
}
