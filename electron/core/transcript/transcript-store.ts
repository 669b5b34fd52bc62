/**
 * Keeps each item's SMTP conversation. Lines are pushed to the UI the moment
 * they happen and written to the store in batches, so a chatty server does not
 * turn into one transaction per line.
 */
import Dexie from 'dexie';
import type { TranscriptEntry } from '../../../shared/model';
import type { MailDatabase } from '../db/database';
import type { EventBus } from '../events';

/** Within a connection the sequence decides (a clock step cannot reorder it); across connections, the time. */
const chronological = (a: TranscriptEntry, b: TranscriptEntry) => (a.connectionId === b.connectionId ? a.seq - b.seq : a.at - b.at);

/** Per item; older lines are dropped first. */
export const TRANSCRIPT_LIMIT = 500;
const FLUSH_DELAY_MS = 250;

export class TranscriptStore {
  private buffer: TranscriptEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** One counter for the process: a connection reused by several attempts never repeats a key. */
  private nextSeq = 0;
  /** Lines stored per item, learned once per item per run, so trimming reads nothing until it is needed. */
  private readonly stored = new Map<string, number>();

  constructor(
    private readonly db: MailDatabase,
    private readonly events: EventBus,
  ) {}

  append(line: Omit<TranscriptEntry, 'seq'>): void {
    const entry: TranscriptEntry = { ...line, seq: this.nextSeq++ };
    this.buffer.push(entry);
    this.events.emit('smtp:response', entry);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buffer;
    this.buffer = [];
    // One failed batch must not poison the ones after it.
    this.flushing = this.flushing.catch(() => undefined).then(() => (batch.length ? this.write(batch) : undefined));
    return this.flushing;
  }

  private async write(batch: TranscriptEntry[]): Promise<void> {
    const itemIds = [...new Set(batch.map((e) => e.itemId))];
    await this.db.transaction('rw', this.db.transcript, async () => {
      await this.db.transcript.bulkAdd(batch);
      for (const itemId of itemIds) {
        const known = this.stored.get(itemId) ?? (await this.ofItem(itemId).count()) - batch.filter((e) => e.itemId === itemId).length;
        const count = known + batch.filter((e) => e.itemId === itemId).length;
        this.stored.set(itemId, Math.min(count, TRANSCRIPT_LIMIT));
        if (count <= TRANSCRIPT_LIMIT) continue;
        const rows = await this.ofItem(itemId).toArray();
        const oldest = rows.sort(chronological).slice(0, rows.length - TRANSCRIPT_LIMIT);
        await this.db.transcript.bulkDelete(oldest.map((e) => [e.itemId, e.connectionId, e.seq] as [string, string, number]));
      }
    });
  }

  async forItem(itemId: string): Promise<TranscriptEntry[]> {
    await this.flush();
    return (await this.ofItem(itemId).toArray()).sort(chronological);
  }

  private ofItem(itemId: string) {
    return this.db.transcript.where('[itemId+connectionId+seq]').between([itemId, Dexie.minKey, Dexie.minKey], [itemId, Dexie.maxKey, Dexie.maxKey], true, true);
  }
}
