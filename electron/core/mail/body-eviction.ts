/**
 * The cache size setting: message bodies kept on disk stay under a limit.
 * Beyond it, the bodies of the oldest mail go first; the headers stay, and an
 * evicted body is fetched again when the message is opened online. Bodies that
 * cannot be fetched again (the local sandbox's, a Drafts folder's) or that are
 * on screen are never chosen, though they count toward the total.
 */
import type { BodyFiles } from './body-files';

export interface CachedBody {
  sha: string;
  bytes: number;
  /** The newest message that names this body (one file can serve several rows). */
  date: number;
  /** Kept whatever the limit: open, a draft, or mail with no server to fetch it from. */
  pinned: boolean;
}

/** The bodies to remove so the total fits `limitBytes`, oldest first; none when the limit is null (keep everything). */
export function bodiesToEvict(bodies: readonly CachedBody[], limitBytes: number | null): string[] {
  if (limitBytes === null) return [];
  let total = bodies.reduce((sum, b) => sum + b.bytes, 0);
  if (total <= limitBytes) return [];
  const oldestFirst = bodies.filter((b) => !b.pinned).sort((a, b) => a.date - b.date || a.sha.localeCompare(b.sha));
  const chosen: string[] = [];
  for (const body of oldestFirst) {
    if (total <= limitBytes) break;
    chosen.push(body.sha);
    total -= body.bytes;
  }
  return chosen;
}

export interface BodyRowRef {
  body_sha: string;
  date: number;
  account_id: string;
  role: string;
  id: string;
}

/** Keeps the body files under the user's limit; runs after bodies are written and when the setting changes. */
export class BodyCacheLimit {
  private limitBytes: number | null;
  private running: Promise<number> | null = null;
  private again = false;

  constructor(
    private readonly files: BodyFiles,
    private readonly rows: () => BodyRowRef[],
    /** Messages whose bodies must stay: on screen now, or of an account with no server. */
    private readonly isPinned: (row: BodyRowRef) => boolean,
    limitBytes: number | null,
  ) {
    this.limitBytes = limitBytes;
  }

  private timer: ReturnType<typeof setTimeout> | null = null;

  /** One pass a little later, however many bodies are written meanwhile (a prefetch writes hundreds; each pass weighs every file). */
  schedule(delayMs: number, onError: (error: unknown) => void): void {
    if (this.timer || this.limitBytes === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.enforce().catch(onError);
    }, delayMs);
    this.timer.unref?.();
  }

  /** No pass after this (the store is closing). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  setLimit(limitBytes: number | null): Promise<number> {
    this.limitBytes = limitBytes;
    return this.enforce();
  }

  /** Runs once at a time; a call while running asks for one more pass after it. Resolves to the files removed. */
  enforce(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = Promise.resolve()
      .then(() => this.pass())
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.enforce();
        }
      });
    return this.running;
  }

  private pass(): number {
    if (this.limitBytes === null) return 0;
    const bySha = new Map<string, CachedBody>();
    for (const row of this.rows()) {
      const pinned = this.isPinned(row);
      const known = bySha.get(row.body_sha);
      if (known) {
        known.date = Math.max(known.date, row.date);
        known.pinned ||= pinned;
        continue;
      }
      const bytes = this.files.size(row.body_sha);
      if (bytes === null) continue;
      bySha.set(row.body_sha, { sha: row.body_sha, bytes, date: row.date, pinned });
    }
    const chosen = bodiesToEvict([...bySha.values()], this.limitBytes);
    for (const sha of chosen) this.files.remove(sha);
    return chosen.length;
  }
}
