/**
 * The spooler's in-memory view of what waits to be sent (queued and deferred
 * items): id, account and not-before time only. Filled from the store's index
 * keys at start and kept current from outbox:changed events, so picking the
 * next message never scans the store. The store stays the truth: every claim
 * re-checks the item's state inside its own transaction.
 */
import type { OutboxItem } from '../../../shared/model';

export interface WaitingEntry {
  id: string;
  accountId: string;
  notBefore: number;
  /** Arrival order breaks ties between equal not-before times. */
  order: number;
}

export class WaitingQueue {
  private readonly entries = new Map<string, WaitingEntry>();
  private counter = 0;

  get size(): number {
    return this.entries.size;
  }

  put(id: string, accountId: string, notBefore: number): void {
    const existing = this.entries.get(id);
    this.entries.set(id, { id, accountId, notBefore, order: existing?.order ?? this.counter++ });
  }

  /** Follows an item's new state: waiting items are (re)indexed, all others leave. */
  follow(item: Pick<OutboxItem, 'id' | 'accountId' | 'state' | 'notBefore'>): void {
    if (item.state === 'queued' || item.state === 'deferred') this.put(item.id, item.accountId, item.notBefore);
    else this.entries.delete(item.id);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  /** Entries due at `now`, oldest first. */
  due(now: number): WaitingEntry[] {
    const due: WaitingEntry[] = [];
    for (const entry of this.entries.values()) if (entry.notBefore <= now) due.push(entry);
    return due.sort((a, b) => a.notBefore - b.notBefore || a.order - b.order);
  }

  /** The earliest not-before time still in the future, if any. */
  nextAfter(now: number): number | null {
    let next: number | null = null;
    for (const entry of this.entries.values()) if (entry.notBefore > now && (next === null || entry.notBefore < next)) next = entry.notBefore;
    return next;
  }
}
