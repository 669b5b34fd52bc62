/**
 * The spooler's in-memory view of what waits to be sent (queued and deferred
 * items): id, account and not-before time only. Filled from the store's index
 * at start and kept current from outbox:changed events, so picking the next
 * message never scans the store. Each account's entries are kept sorted, so
 * finding the next due ones costs a few steps however long the queue is. The
 * store stays the truth: every claim re-checks the item's state as it writes.
 */
import type { OutboxItem } from '../../../shared/model';

export interface WaitingEntry {
  id: string;
  accountId: string;
  notBefore: number;
  /** Arrival order breaks ties between equal not-before times. */
  order: number;
}

const before = (a: WaitingEntry, b: WaitingEntry) => a.notBefore - b.notBefore || a.order - b.order;

/** First index in `list` (sorted) whose entry does not come before `entry`. */
function lowerBound(list: readonly WaitingEntry[], entry: WaitingEntry): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(list[mid] as WaitingEntry, entry) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class WaitingQueue {
  private readonly entries = new Map<string, WaitingEntry>();
  private readonly byAccount = new Map<string, WaitingEntry[]>();
  private counter = 0;

  get size(): number {
    return this.entries.size;
  }

  put(id: string, accountId: string, notBefore: number): void {
    const existing = this.entries.get(id);
    if (existing) this.remove(existing);
    const entry: WaitingEntry = { id, accountId, notBefore, order: existing?.order ?? this.counter++ };
    this.entries.set(id, entry);
    const list = this.byAccount.get(accountId) ?? [];
    this.byAccount.set(accountId, list);
    list.splice(lowerBound(list, entry), 0, entry);
  }

  /** Follows an item's new state: waiting items are (re)indexed, all others leave. */
  follow(item: Pick<OutboxItem, 'id' | 'accountId' | 'state' | 'notBefore'>): void {
    if (item.state === 'queued' || item.state === 'deferred') this.put(item.id, item.accountId, item.notBefore);
    else this.delete(item.id);
  }

  delete(id: string): void {
    const existing = this.entries.get(id);
    if (existing) this.remove(existing);
  }

  private remove(entry: WaitingEntry): void {
    this.entries.delete(entry.id);
    const list = this.byAccount.get(entry.accountId);
    if (!list) return;
    const at = lowerBound(list, entry);
    if (list[at] === entry) list.splice(at, 1);
    if (!list.length) this.byAccount.delete(entry.accountId);
  }

  /** Accounts with something waiting. */
  accounts(): string[] {
    return [...this.byAccount.keys()];
  }

  /** Up to `wanted` entries of one account due at `now`, oldest first, leaving out those `skip` names. */
  dueFor(accountId: string, now: number, wanted: number, skip: (id: string) => boolean): WaitingEntry[] {
    const due: WaitingEntry[] = [];
    for (const entry of this.byAccount.get(accountId) ?? []) {
      if (due.length >= wanted || entry.notBefore > now) break;
      if (!skip(entry.id)) due.push(entry);
    }
    return due;
  }

  /** The earliest not-before time still in the future, if any. */
  nextAfter(now: number): number | null {
    let next: number | null = null;
    for (const list of this.byAccount.values()) {
      const later = list[lowerBound(list, { id: '', accountId: '', notBefore: now, order: Infinity })];
      if (later && (next === null || later.notBefore < next)) next = later.notBefore;
    }
    return next;
  }
}
