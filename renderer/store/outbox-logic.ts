/**
 * Pure list operations for the outbox view. The main process owns the items;
 * these only decide how pushed copies replace the ones already shown.
 */
import type { OutboxItem } from '../../shared/model';

/** Newest first; the id breaks ties so the order never flickers. */
export function compareNewestFirst(a: OutboxItem, b: OutboxItem): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * A copy older than the one shown is dropped: a list response can arrive after
 * an event that already carried a later state, and must not roll it back.
 */
export function isStale(incoming: OutboxItem, current: OutboxItem | undefined): boolean {
  return current !== undefined && incoming.updatedAt < current.updatedAt;
}

/** Inserts or replaces one item; returns the same array when nothing changes. */
export function upsertItem(items: readonly OutboxItem[], item: OutboxItem): OutboxItem[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index >= 0) {
    if (isStale(item, items[index])) return items as OutboxItem[];
    const next = items.slice();
    // createdAt never changes, so the replaced item keeps its place.
    next[index] = item;
    return next;
  }
  const next = items.slice();
  let at = next.findIndex((existing) => compareNewestFirst(item, existing) < 0);
  if (at < 0) at = next.length;
  next.splice(at, 0, item);
  return next;
}

/** Merges a whole list response into what events have already delivered. */
export function mergeItems(items: readonly OutboxItem[], incoming: readonly OutboxItem[]): OutboxItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of incoming) {
    if (!isStale(item, byId.get(item.id))) byId.set(item.id, item);
  }
  return [...byId.values()].sort(compareNewestFirst);
}
