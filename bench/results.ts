/** What each child prints as its result line, and what the runner makes of it. */
import type { LatencyStats } from './latency';
import type { SqlCounts } from './sql-counter';

export interface ReferenceResult {
  count: number;
  failed: number;
  ms: number;
  cpuMs: number;
}

export interface ThroughputResult {
  count: number;
  refused: number;
  complete: boolean;
  sent: number;
  failed: number;
  deferred: number;
  ms: number;
  submitAllMs: number;
  firstSendingMs: number;
  cpuMs: number;
  transitions: number;
  smtpLines: number;
  /** The IndexedDB store underneath Dexie (accounts, settings). */
  sql: SqlCounts;
  /** The outbox store's group commit. */
  group: GroupStats;
}

export interface GroupStats {
  commits: number;
  syncs: number;
  writes: number;
  /** Checkpoints by the worker, and the time the main connection then spent on its short catch-up. */
  checkpoints: number;
  catchUpMs: number;
}

export interface LatencyResult {
  router: LatencyStats & { sql: SqlCounts; group: GroupStats };
  bridge: LatencyStats | null;
}

export interface SeedResult {
  count: number;
  stored: number;
  ms: number;
}

export interface RecoveryResult {
  total: number;
  recoveryTotal: number;
  phase: string;
  createCoreMs: number;
  /** The app:status event that says phase 'ready' (recovery done). */
  phaseReadyMs: number;
  /** core.ready resolved (after the spooler started). */
  readyMs: number;
  firstSendingMs: number;
  firstSentMs: number;
  complete: boolean;
  sent: number;
  drainMs: number;
  sendRate: number;
}

export interface SinkUse {
  messages: number;
  cpuMs: number;
}

/** Peak RSS growth while one large attachment is handled (core: chunked upload, then send; reference: nodemailer's send of the file). */
export interface MemoryResult {
  fileBytes: number;
  /** Bytes the resident set grew above its level before the file was handled, at its peak. */
  rssGrowth: number;
  /** The core only: the growth during the upload alone. */
  uploadRssGrowth?: number;
  /** The core only: the growth during the send, above where the upload left it. */
  sendRssGrowth?: number;
  sent: boolean;
}
