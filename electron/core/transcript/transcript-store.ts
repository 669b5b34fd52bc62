/**
 * Keeps each item's SMTP conversation. Lines are pushed to the UI the moment
 * they happen and written to the store in batches, so a chatty server does not
 * turn into one write per line; a flush joins whatever group commit is next.
 */
import type { TranscriptEntry } from '../../../shared/model';
import type { WriteOptions } from '../db/group-commit';
import type { MailStore } from '../db/mail-store';
import type { EventBus } from '../events';

/** Within a connection the sequence decides (a clock step cannot reorder it); across connections, the time. */
const chronological = (a: TranscriptEntry, b: TranscriptEntry) => (a.connectionId === b.connectionId ? a.seq - b.seq : a.at - b.at);

/** Per item; older lines are dropped first. */
export const TRANSCRIPT_LIMIT = 500;
const FLUSH_DELAY_MS = 250;

export class TranscriptStore {
  private buffer: TranscriptEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** One counter for the process: a connection reused by several attempts never repeats a key. */
  private nextSeq = 0;
  /** Lines stored per item, learned once per item per run, so trimming reads nothing until it is needed. */
  private readonly stored = new Map<string, number>();

  constructor(
    private readonly store: MailStore,
    private readonly events: EventBus,
  ) {}

  append(line: Omit<TranscriptEntry, 'seq'>): void {
    const entry: TranscriptEntry = { ...line, seq: this.nextSeq++ };
    this.buffer.push(entry);
    this.events.emit('smtp:response', entry);
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), FLUSH_DELAY_MS);
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(options?: WriteOptions): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buffer;
    this.buffer = [];
    return batch.length ? this.store.commit.write(() => this.write(batch), options) : Promise.resolve();
  }

  private write(batch: TranscriptEntry[]): void {
    this.store.addLines(batch);
    for (const itemId of new Set(batch.map((e) => e.itemId))) {
      const added = batch.filter((e) => e.itemId === itemId).length;
      const count = (this.stored.get(itemId) ?? this.store.countLines(itemId) - added) + added;
      this.stored.set(itemId, Math.min(count, TRANSCRIPT_LIMIT));
      if (count <= TRANSCRIPT_LIMIT) continue;
      this.store.keepLinesOf(itemId, this.store.linesOf(itemId).sort(chronological).slice(-TRANSCRIPT_LIMIT));
    }
  }

  async forItem(itemId: string): Promise<TranscriptEntry[]> {
    await this.flush();
    return this.store.linesOf(itemId).sort(chronological);
  }
}
