/**
 * Group commit. Writes asked for in the same turn of the event loop run in one
 * SQLite transaction, each in its own savepoint (a write that throws is undone
 * alone). The connection commits with synchronous = NORMAL, so COMMIT itself
 * does not wait for the disk; durability comes from an fsync of the write-ahead
 * log, run on libuv's thread pool so the event loop (and the SMTP sessions on
 * it) goes on meanwhile. A durable write is reported done only after an fsync
 * that started after its COMMIT returned. Two fsyncs may run at once, so a
 * handoff committed while another's fsync runs need not wait for that one to
 * end before its own starts; writes committed while two run share the next.
 * An fsync that ends covers every group whose fsync started before it.
 *
 * `{ durable: false }` resolves at COMMIT: the change is in the log, ordered
 * before every later write, but a power cut may still lose it. The spooler's
 * claim uses it; see spooler.ts for why that is safe.
 *
 * `{ durable: 'lazy' }` is durable like the default, but its commit does not
 * start an fsync of its own: it resolves with the next fsync some other write
 * starts, or one started LAZY_SYNC_MS later. A message's outcome uses it, as
 * the next message's handoff follows within a millisecond or two and its fsync
 * carries both.
 */
import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { AppFailure } from '../../../shared/errors';
import { isStorageError, storageFailure } from './storage-error';

interface Pending {
  op: () => unknown;
  durable: boolean | 'lazy';
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export type SyncFile = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void;

export interface WriteOptions {
  /** false: done once committed, without waiting for the disk. 'lazy': on disk, with the next fsync. Default true. */
  durable?: boolean | 'lazy';
}

/** The longest a lazy write waits for another write's fsync before it starts one. */
export const LAZY_SYNC_MS = 10;

/** fsyncs under way at once. */
const PARALLEL_SYNCS = 2;

export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;
  /** Committed, waiting for an fsync that started after their COMMIT. */
  private unsynced: Pending[] = [];
  /** Groups whose fsync is under way, in the order those fsyncs started. */
  private inFlight: Pending[][] = [];
  /** Committed writes waiting for an fsync that should start as soon as possible (not lazy). */
  private urgent = 0;
  private lazyTimer: NodeJS.Timeout | null = null;
  /** The timer ran out while an fsync was under way: the next one starts as soon as that ends. */
  private lazyExpired = false;
  /** After a failed fsync nothing written since can be trusted to be on disk: every write fails until restart. */
  private broken: AppFailure | null = null;
  /** For the bench: transactions, fsyncs, and writes carried. */
  readonly stats = { commits: 0, syncs: 0, writes: 0 };

  /** Transaction control, compiled once: this runs several times per message. */
  private readonly control;
  private walFd: number | null = null;
  private closed = false;

  /** `walFile`: the write-ahead log the fsync makes durable (the database file is synced by SQLite at checkpoints). */
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly walFile: string,
    /** Told after every COMMIT (the checkpointer counts them). */
    private readonly onCommit: () => void = () => undefined,
    /** Tests slow it down to see what shares an fsync. */
    // fdatasync: the log's contents and length, not its timestamps (what SQLite itself uses on Linux).
    private readonly syncFile: SyncFile = fdatasync,
  ) {
    const statement = (sql: string) => db.prepare(sql);
    this.control = {
      begin: statement('BEGIN IMMEDIATE'),
      commit: statement('COMMIT'),
      rollback: statement('ROLLBACK'),
      savepoint: statement('SAVEPOINT one_write'),
      release: statement('RELEASE one_write'),
      rollbackTo: statement('ROLLBACK TO one_write'),
    };
  }

  /** Runs `op` (synchronous, SQL only) in the next group; resolves once that group is on disk. */
  write<T>(op: () => T, options: WriteOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.pending.push({ op, durable: options.durable ?? true, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.run());
    });
  }

  private run(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const outcomes = this.transact(batch);
    if (!outcomes) return;
    this.stats.commits++;
    this.stats.writes += batch.length;
    this.onCommit();
    batch.forEach((entry, i) => {
      const outcome = outcomes[i] as { ok: boolean; value: unknown };
      if (!outcome.ok) entry.reject(outcome.value);
      else if (!entry.durable) entry.resolve(outcome.value);
      else {
        if (entry.durable === true) this.urgent++;
        this.unsynced.push({ ...entry, resolve: () => entry.resolve(outcome.value) });
      }
    });
    this.syncWhenDue();
  }

  /** Starts an fsync now if a write needs one, or sets the timer that bounds how long lazy writes wait. */
  private syncWhenDue(): void {
    if (this.urgent > 0 || this.lazyExpired) return this.sync();
    if (this.unsynced.length && !this.lazyTimer) {
      this.lazyTimer = setTimeout(() => {
        this.lazyTimer = null;
        this.lazyExpired = true;
        this.sync();
      }, LAZY_SYNC_MS);
    }
  }

  /** One transaction for the batch; null when nothing of it was committed (every entry is rejected). */
  private transact(batch: Pending[]): { ok: boolean; value: unknown }[] | null {
    const { begin, commit, rollback, savepoint, release, rollbackTo } = this.control;
    // A lone write needs no savepoint: if it throws, the whole transaction is its own to undo.
    const alone = batch.length === 1;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      begin.run();
      for (const entry of batch) {
        if (!alone) savepoint.run();
        try {
          outcomes.push({ ok: true, value: entry.op() });
          if (!alone) release.run();
        } catch (error) {
          // SQLite ends the whole transaction itself on some errors (a full disk among them).
          if (!this.db.inTransaction || alone) throw error;
          rollbackTo.run();
          release.run();
          outcomes.push({ ok: false, value: isStorageError(error) ? storageFailure(error) : error });
        }
      }
      commit.run();
      return outcomes;
    } catch (error) {
      if (this.db.inTransaction) {
        try {
          rollback.run();
        } catch {
          // Already rolled back by SQLite.
        }
      }
      // Nothing of this group is in the store: no caller may hear "done".
      const failure = isStorageError(error) ? storageFailure(error) : error;
      for (const entry of batch) entry.reject(failure);
      return null;
    }
  }

  private sync(): void {
    if (this.inFlight.length >= PARALLEL_SYNCS) return;
    if (!this.unsynced.length) {
      this.lazyExpired = false;
      return;
    }
    const group = this.unsynced;
    this.inFlight.push(group);
    this.unsynced = [];
    this.urgent = 0;
    this.lazyExpired = false;
    if (this.lazyTimer) clearTimeout(this.lazyTimer);
    this.lazyTimer = null;
    try {
      // Kept open: SQLite keeps the log file (the same inode) for as long as its connection is open.
      this.walFd ??= openSync(this.walFile, 'r');
    } catch (error) {
      return this.synced(group, error);
    }
    this.syncFile(this.walFd, (error) => this.synced(group, error));
  }

  private synced(group: Pending[], error: unknown): void {
    this.stats.syncs++;
    const at = this.inFlight.indexOf(group);
    if (error) {
      this.broken = storageFailure(error);
      for (const entry of [...this.inFlight.flat(), ...this.unsynced]) entry.reject(this.broken);
      this.inFlight = [];
      this.unsynced = [];
      this.releaseLog();
      return;
    }
    // This fsync started after the COMMITs of its own group and of every group whose fsync started earlier;
    // a group already gone was resolved by a later fsync that ended first.
    const covered = at < 0 ? [] : this.inFlight.splice(0, at + 1);
    for (const entry of covered.flat()) entry.resolve(undefined);
    this.syncWhenDue();
    this.releaseLog();
  }

  /**
   * Before the connection closes (SQLite may then remove the log). Committed writes still waiting for
   * an fsync (lazy ones) get it now; an fsync under way keeps the file open until it ends.
   */
  close(): void {
    if (this.lazyTimer) clearTimeout(this.lazyTimer);
    this.lazyTimer = null;
    const waiting = this.unsynced;
    this.unsynced = [];
    if (waiting.length) {
      try {
        this.walFd ??= openSync(this.walFile, 'r');
        fdatasyncSync(this.walFd);
        for (const entry of waiting) entry.resolve(undefined);
      } catch (error) {
        for (const entry of waiting) entry.reject(storageFailure(error));
      }
    }
    this.closed = true;
    this.releaseLog();
  }

  private releaseLog(): void {
    if (!this.closed || this.inFlight.length || this.walFd === null) return;
    closeSync(this.walFd);
    this.walFd = null;
  }
}
