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
import { addressToAscii } from '../../../shared/address';
import { AppFailure, type Reason } from '../../../shared/errors';
import { described, failure } from '../../../shared/i18n/reason';
import { OutboxItemSchema, type OutboxItem, type Recipient } from '../../../shared/model';
import type { AccountsService } from '../accounts/accounts-service';
import type { EventBus } from '../events';
import type { ItemPatch, OutboxRepository } from '../outbox/repository';
import type { SpoolerControl } from '../outbox/outbox-service';
import { formatReply } from '../smtp/reply';
import type { Credentials } from '../smtp/connection-options';
import { SessionPool } from '../smtp/session-pool';
import type { RecipientResult, SendOutcome, SendRequest } from '../smtp/transport';
import type { TranscriptStore } from '../transcript/transcript-store';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './backoff';
import { Reachability, tcpProbe, type Probe, type ProbePolicy } from './reachability';
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
}

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
  /** Told whenever `online` may have changed. */
  onConnectivityChange?: (online: boolean) => void;
  now?: () => number;
  onError?: (error: unknown) => void;
}

const CANCELLED = new Error('cancelled by the user');

function mergeRecipients(recipients: Recipient[], results: RecipientResult[]): Recipient[] {
  const byWire = new Map(results.map((r) => [r.address.toLowerCase(), r]));
  return recipients.map((recipient) => {
    const result = byWire.get(recipient.address.toLowerCase()) ?? byWire.get(addressToAscii(recipient.address).toLowerCase());
    if (!result || recipient.state === 'accepted') return recipient;
    // Only a 5yz refuses a recipient for good (RFC 5321 §4.2.1); a 4yz, or no reply at all, leaves it pending for the next attempt.
    if (result.accepted) {
      // Accepted is the last word on a recipient: an earlier temporary refusal no longer applies.
      const { reply: _earlier, ...rest } = recipient;
      return { ...rest, state: 'accepted' };
    }
    const state = result.reply && result.reply.code >= 500 ? 'rejected' : 'pending';
    return { ...recipient, state, ...(result.reply ? { reply: result.reply } : {}) };
  });
}

/**
 * After a failed attempt, recipients still pending carry the server's reply that ended it; when the
 * message fails for good with such a reply they are refused with it, since nothing will try them
 * again. A failure the server never spoke to (TLS, a login it does not offer) refuses nobody: those
 * recipients were not tried, and stay pending on the failed message.
 */
function settleRecipients(recipients: Recipient[], giveUp: boolean, reply: Recipient['reply']): Recipient[] {
  if (!reply) return recipients;
  return recipients.map((r) => (r.state !== 'pending' ? r : { ...r, ...(giveUp ? { state: 'rejected' as const } : {}), reply }));
}

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

  /** Online as far as sending goes: the host has a network and no account's server is known unreachable. */
  get online(): boolean {
    return this.hostOnline && this.reachability.unreachableCount === 0;
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
    this.deps.onConnectivityChange?.(this.online);
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
      const recorded = flight.renderFailed && outcome.kind === 'failed' && !flight.handoffStarted ? this.recordCorrupt(claimed, outcome.failure.message) : this.record(claimed, outcome);
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
        this.emit(await this.deps.repo.transition(item.id, ['sending'], { handedOffAt: this.now() }));
      },
    });
  }

  /**
   * MAPI_E_CORRUPT_DATA: the message could not be turned into MIME. The first time it goes
   * straight back to the queue, to be rebuilt from its stored fields; the second time it fails
   * with the reason. No server was bothered, so no attempt is used.
   */
  private async recordCorrupt(item: OutboxItem, why: Reason | string): Promise<void> {
    const again = item.error?.code === 'CORRUPT_DATA';
    this.emit(
      await this.deps.repo.transition(item.id, ['sending'], (current) => ({
        state: again ? 'failed' : 'queued',
        attempts: Math.max(0, current.attempts - 1),
        notBefore: this.now(),
        handedOffAt: null,
        error: described('CORRUPT_DATA', again ? 'reason.rebuildFailed' : 'reason.rebuilding', { reason: why }),
      })),
    );
  }

  private async record(item: OutboxItem, outcome: SendOutcome): Promise<void> {
    if (outcome.kind === 'aborted') {
      // Cancel normally wrote `cancelled` itself; if that write failed the item must not stay stuck in sending.
      const current = await this.deps.repo.get(item.id);
      if (current.state === 'sending') this.emit(await this.deps.repo.transition(item.id, ['sending'], { state: 'queued' }));
      return;
    }
    const now = this.now();
    if (outcome.kind === 'sent') {
      this.emit(
        await this.deps.repo.transition(item.id, ['sending'], (current) => {
          const expired = now - item.createdAt >= this.retry.giveUpAfterMs;
          const recipients = mergeRecipients(current.recipients, outcome.recipients).map((r) =>
            expired && r.state === 'pending' ? { ...r, state: 'rejected' as const } : r,
          );
          const warnings = [...new Set([...current.warnings, ...outcome.warnings])];
          // Some recipients got a 4yz: the others have the message; the item waits to try just those again.
          const waiting = recipients.filter((r) => r.state === 'pending');
          if (waiting.length) {
            // The server's words for each; a dash where it gave none (the recipient's own line says so in full).
            const why = waiting.map((r) => `${r.address}: ${r.reply ? formatReply(r.reply) : '—'}`);
            return {
              state: 'deferred',
              notBefore: now + retryDelay(this.retry, current.attempts),
              lastReply: outcome.reply,
              error: described('SERVER_REJECTED', 'reason.partlyDeferred', { list: why.join('; ') }),
              recipients,
              warnings,
              handedOffAt: null,
            };
          }
          return { state: 'sent', sentAt: now, lastReply: outcome.reply, error: null, recipients, warnings };
        }, { durable: 'lazy' }),
      );
      return;
    }
    const { failure } = outcome;
    if (!outcome.reachedServer && failure.retryable) {
      // The server was never reached: the message did nothing wrong. Wait for the server without using the attempt.
      const account = await this.deps.accounts.get(item.accountId);
      this.reachability.block(account);
      this.emit(
        await this.deps.repo.transition(item.id, ['sending'], (current) => ({
          state: 'deferred',
          attempts: Math.max(0, current.attempts - 1),
          notBefore: now,
          error: described(failure.code, 'reason.waitingForServer', { host: account.host, port: account.port, detail: failure.reason ?? failure.message }),
          handedOffAt: null,
        })),
      );
      return;
    }
    const giveUp = !failure.retryable || now - item.createdAt >= this.retry.giveUpAfterMs;
    const patch = (current: OutboxItem): ItemPatch => {
      // A reply after the final dot (4yz/5yz) says the server did not take it: no duplicate possible then.
      const handedOff = current.handedOffAt !== null && !failure.reply;
      return {
        state: giveUp ? 'failed' : 'deferred',
        notBefore: giveUp ? current.notBefore : now + retryDelay(this.retry, current.attempts),
        lastReply: failure.reply ?? current.lastReply,
        error: { code: failure.code, message: failure.message, ...(failure.reason ? { reason: failure.reason } : {}) },
        recipients: settleRecipients(mergeRecipients(current.recipients, outcome.recipients), giveUp, failure.reply),
        // Handed off with no reply: the server may have it, so the resend is flagged.
        warnings: handedOff ? [...new Set([...current.warnings, 'POSSIBLE_DUPLICATE' as const])] : current.warnings,
        handedOffAt: null,
      };
    };
    this.emit(await this.deps.repo.transition(item.id, ['sending'], patch));
  }
}
