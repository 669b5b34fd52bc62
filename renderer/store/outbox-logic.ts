/**
 * Pure operations on the outbox lists' one loaded window. The core owns the
 * items and answers windows of a sorted query (outbox.window); these decide
 * how a pushed change moves the rows and counts already shown, and when the
 * window must be asked for again because a change happened where it cannot
 * be placed (above the window, or an item never seen before).
 */
import { OUTBOX_STATES, type OutboxItem, type OutboxState, type OutboxSummary, type OutboxView, type StateCounts } from '../../shared/model';
import { mailboxOf, type OutboxFilter } from './mailbox-logic';

/** Which list: a view, and for the Outbox one of its states. */
export interface WindowQuery {
  view: OutboxView;
  filter: OutboxFilter;
}

/** The rows loaded of one list, from `offset` on. */
export interface OutboxWindow extends WindowQuery {
  offset: number;
  rows: OutboxSummary[];
}

export const sameQuery = (a: WindowQuery, b: WindowQuery): boolean => a.view === b.view && a.filter === b.filter;

export const inQuery = (query: WindowQuery, state: OutboxState): boolean =>
  mailboxOf(state) === query.view && (query.view !== 'outbox' || query.filter === 'all' || query.filter === state);

/** Rows in the whole list, by the counts. */
export function queryTotal(counts: StateCounts, query: WindowQuery): number {
  return OUTBOX_STATES.reduce((sum, state) => sum + (inQuery(query, state) ? counts[state] : 0), 0);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The core's order (outbox-window.ts): Outbox and Sent newest first, Drafts most recently changed first; the id breaks ties. */
export function compareRows(view: OutboxView, a: OutboxSummary, b: OutboxSummary): number {
  return view === 'drafts' ? b.updatedAt - a.updatedAt || byId(a, b) : b.createdAt - a.createdAt || byId(a, b);
}

/**
 * A copy older than the one shown is dropped: a window can arrive after
 * an event that already carried a later state, and must not roll it back.
 */
export function isStale(incoming: OutboxSummary, current: OutboxSummary | undefined): boolean {
  return current !== undefined && incoming.updatedAt < current.updatedAt;
}

/** What a row shows: the item without its body (the details pane asks for the whole item). */
export function toSummary(item: OutboxItem | OutboxSummary): OutboxSummary {
  if (!('text' in item)) return item;
  const { text: _text, html: _html, threading: _threading, ...summary } = item;
  return summary;
}

export interface Applied {
  list: OutboxWindow | null;
  counts: StateCounts | null;
  /** The change could not be placed exactly: ask for the window (and counts) again. */
  refetch: boolean;
}

/** Moves one state's count to another; `before` unknown leaves the counts to the core. */
function countsAfter(counts: StateCounts | null, before: OutboxState | undefined, after: OutboxState | null): { counts: StateCounts | null; known: boolean } {
  if (counts === null) return { counts, known: false };
  if (before === undefined) return { counts, known: false };
  if (before === after) return { counts, known: true };
  const next = { ...counts, [before]: Math.max(0, counts[before] - 1) };
  if (after !== null) next[after] = next[after] + 1;
  return { counts: next, known: true };
}

function insertSorted(list: OutboxWindow, row: OutboxSummary, totalBefore: number | null): { list: OutboxWindow; refetch: boolean } {
  const rows = list.rows;
  let at = rows.findIndex((existing) => compareRows(list.view, row, existing) < 0);
  if (at < 0) at = rows.length;
  // Before the first loaded row of a window that does not start at the top: every row below moves down one.
  if (at === 0 && list.offset > 0) return { list, refetch: true };
  if (at === rows.length) {
    // Below the window: its rows keep their places, unless the window reached the end of the list.
    if (totalBefore === null) return { list, refetch: true };
    if (list.offset + rows.length < totalBefore) return { list, refetch: false };
  }
  const next = rows.slice();
  next.splice(at, 0, row);
  return { list: { ...list, rows: next }, refetch: false };
}

/**
 * Applies one item's change (`after` null: it was deleted) to the window and
 * the counts. `before` is its state as last known here, if it is known.
 */
export function applyChange(list: OutboxWindow | null, counts: StateCounts | null, before: OutboxState | undefined, id: string, after: OutboxSummary | null): Applied {
  const moved = countsAfter(counts, before, after?.state ?? null);
  let refetch = !moved.known;
  if (!list) return { list, counts: moved.counts, refetch };
  const at = list.rows.findIndex((row) => row.id === id);
  if (at >= 0) {
    const current = list.rows[at];
    if (after !== null && isStale(after, current)) return { list, counts, refetch: false };
    const rows = list.rows.slice();
    rows.splice(at, 1);
    const without = { ...list, rows };
    if (after === null || !inQuery(list, after.state)) return { list: without, counts: moved.counts, refetch };
    // Still in this list: back in its place (Drafts' order follows the last change).
    let place = rows.findIndex((existing) => compareRows(list.view, after, existing) < 0);
    if (place < 0) place = rows.length;
    rows.splice(place, 0, after);
    return { list: without, counts: moved.counts, refetch };
  }
  const wasIn = before !== undefined && inQuery(list, before);
  const isIn = after !== null && inQuery(list, after.state);
  if (isIn && !wasIn) {
    const totalBefore = counts === null ? null : queryTotal(counts, list);
    const placed = insertSorted(list, after, totalBefore);
    return { list: placed.list, counts: moved.counts, refetch: refetch || placed.refetch };
  }
  // Left this list from outside the window (or from nowhere known): rows below it move up one, if it was above them.
  if (!isIn && (wasIn || before === undefined) && list.offset > 0) refetch = true;
  return { list, counts: moved.counts, refetch };
}

/** The whole loaded window as the core answered it, keeping rows an event has already made newer. */
export function mergeWindow(incoming: OutboxWindow, current: OutboxWindow | null): OutboxWindow {
  if (!current || !sameQuery(incoming, current)) return incoming;
  const shown = new Map(current.rows.map((row) => [row.id, row]));
  const rows = incoming.rows
    .map((row) => {
      const mine = shown.get(row.id);
      return mine && isStale(row, mine) ? mine : row;
    })
    .filter((row) => inQuery(incoming, row.state));
  return { ...incoming, rows };
}
