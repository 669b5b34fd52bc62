/**
 * The core's outbox lists over an in-memory array, for the fake APIs (unit
 * tests, the 10,000-item bench, the reader demo): the same order, filters and
 * counts as outbox-window.ts, so the window code meets what the core answers.
 */
import { err, ok } from '../../shared/errors';
import { OUTBOX_STATES, type OutboxItem, type OutboxList, type OutboxListRequest, type StateCounts } from '../../shared/model';
import { compareRows, inQuery, toSummary } from '../store/outbox-logic';
import type { Handlers } from './fake-api';

/** Sorted lists per array and query: the 10,000-item bench scrolls without sorting on every window. */
const sorted = new WeakMap<readonly OutboxItem[], Map<string, { rows: OutboxItem[]; counts: StateCounts }>>();

export function windowOf(items: readonly OutboxItem[], request: OutboxListRequest): OutboxList {
  const hidden = request.hidden ?? [];
  const key = `${request.view}|${request.state ?? 'all'}|${hidden.join(',')}`;
  const lists = sorted.get(items) ?? new Map<string, { rows: OutboxItem[]; counts: StateCounts }>();
  sorted.set(items, lists);
  let list = lists.get(key);
  if (!list) {
    const hiddenIds = new Set(hidden);
    const shown = items.filter((item) => !hiddenIds.has(item.id));
    const counts = Object.fromEntries(OUTBOX_STATES.map((state) => [state, 0])) as StateCounts;
    for (const item of shown) counts[item.state]++;
    const query = { view: request.view, filter: request.state ?? 'all' } as const;
    list = { rows: shown.filter((item) => inQuery(query, item.state)).sort((a, b) => compareRows(request.view, a, b)), counts };
    lists.set(key, list);
  }
  return { total: list.rows.length, offset: request.offset, rows: list.rows.slice(request.offset, request.offset + request.limit).map(toSummary), counts: list.counts };
}

/** outbox.window and outbox.get answered from `items` (read each call, so a test may change it). */
export function outboxHandlers(items: () => readonly OutboxItem[]): Handlers {
  return {
    'outbox.window': (request) => ok(windowOf(items(), request)),
    'outbox.get': ({ id }) => {
      const item = items().find((i) => i.id === id);
      return item ? ok(item) : err('NOT_FOUND', `no item ${id}`);
    },
  };
}
