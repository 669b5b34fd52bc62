/**
 * The damage record: a small file beside outbox.sqlite that lists what the
 * store must hold (every outbox item and draft, by id, with its subject so a
 * loss can be named). It is independent of SQLite, so a store file that was
 * emptied, or a write-ahead log cut short, is noticed at the next start
 * instead of opening as a smaller store.
 *
 * It may only ever list less than the store holds, never more, or a healthy
 * store would be reported damaged: an id is added once its write is on disk
 * (after the fsync), and removed before the delete is written. One line per
 * change, appended; rewritten whole, compactly, at each start.
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type LedgerKind = 'item' | 'draft';
export interface LedgerEntry {
  kind: LedgerKind;
  id: string;
  subject: string;
}

/** Long enough to recognise a message by, short enough to keep the record small. */
const SUBJECT_CHARS = 80;

export class StoreLedger {
  constructor(
    readonly file: string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /** What the record says must exist; empty when there is no record yet (a first start). */
  read(): Map<string, LedgerEntry> {
    const live = new Map<string, LedgerEntry>();
    if (!existsSync(this.file)) return live;
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (!line) continue;
      let entry: { op?: unknown; kind?: unknown; id?: unknown; subject?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue; // a line cut short by a crash: it named nothing that was confirmed
      }
      if ((entry.kind !== 'item' && entry.kind !== 'draft') || typeof entry.id !== 'string') continue;
      const key = `${entry.kind}:${entry.id}`;
      if (entry.op === '-') live.delete(key);
      else live.set(key, { kind: entry.kind, id: entry.id, subject: typeof entry.subject === 'string' ? entry.subject : '' });
    }
    return live;
  }

  /** After the write that stored it is on disk. */
  added(kind: LedgerKind, id: string, subject: string): void {
    this.append({ op: '+', kind, id, subject: subject.slice(0, SUBJECT_CHARS) });
  }

  /** Before the delete is written. */
  removing(kind: LedgerKind, id: string): void {
    this.append({ op: '-', kind, id });
  }

  /** The record rewritten to name exactly `entries` (what the store holds after the start-up check). */
  rewrite(entries: readonly LedgerEntry[]): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, entries.map((e) => `${JSON.stringify({ op: '+', kind: e.kind, id: e.id, subject: e.subject.slice(0, SUBJECT_CHARS) })}\n`).join(''), { mode: 0o600 });
    syncFile(temp);
    renameSync(temp, this.file);
    syncFile(dirname(this.file));
  }

  private append(line: object): void {
    try {
      appendFileSync(this.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    } catch (error) {
      // A line the disk refused leaves the record naming less than the store holds: the safe side.
      this.onError(`damage record: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
