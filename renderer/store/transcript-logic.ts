/**
 * Pure merging of transcript lines. Lines reach the view twice (the stored
 * transcript and the live event stream), so each is identified by its
 * connection and sequence number.
 */
import type { TranscriptEntry } from '../../shared/model';

export const entryKey = (entry: Pick<TranscriptEntry, 'connectionId' | 'seq'>): string =>
  `${entry.connectionId}\u0000${entry.seq}`;

/** Time order; within one connection the sequence number is authoritative. */
export function compareEntries(a: TranscriptEntry, b: TranscriptEntry): number {
  if (a.connectionId === b.connectionId) return a.seq - b.seq;
  return a.at - b.at;
}

/** Adds lines not yet present and keeps the result ordered; same array when nothing is new. */
export function mergeEntries(current: readonly TranscriptEntry[], incoming: readonly TranscriptEntry[]): TranscriptEntry[] {
  const seen = new Set(current.map(entryKey));
  const added: TranscriptEntry[] = [];
  for (const entry of incoming) {
    const key = entryKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(entry);
  }
  if (added.length === 0) return current as TranscriptEntry[];
  const last = current[current.length - 1];
  // Live lines nearly always arrive in order: append without re-sorting.
  if (added.length === 1 && (last === undefined || compareEntries(last, added[0] as TranscriptEntry) <= 0)) {
    return [...current, added[0] as TranscriptEntry];
  }
  return [...current, ...added].sort(compareEntries);
}
