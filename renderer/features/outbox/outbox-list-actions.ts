/**
 * Loads the outbox lists as windows: the list on show asks the core for the
 * rows around the view (outbox.window), the counts come with every answer,
 * and pushed changes are placed by the store (outbox-logic.ts). Only when a
 * change cannot be placed is the same window asked for again, once for a
 * burst of changes. The selected item is fetched whole for the details pane.
 */
import type { MailApi } from '../../../shared/contract';
import { OUTBOX_LIST_LIMITS, type OutboxListRequest, type OutboxSummary } from '../../../shared/model';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { useAlertsStore } from '../../store/alerts';
import { useDraftsStore } from '../../store/drafts';
import { useOutboxStore } from '../../store/outbox';
import { queryTotal, sameQuery, type WindowQuery } from '../../store/outbox-logic';
import { useSupersededStore } from '../../store/superseded';
import { useUiStore } from '../../store/ui';
import { missedEndsText } from '../alerts/alerts-logic';
import { markEndsSeen, seenEndsUntil } from '../alerts/seen-ends';
import type { IndexRange } from '../list/row-window-logic';
import { covers, windowAround, WINDOW_ROWS, type RowWindow } from '../reader/list-window-logic';

/** Drafts lists its cancelled items with the saved drafts, in one window from the top. */
const DRAFTS_WINDOW: RowWindow = { offset: 0, limit: OUTBOX_LIST_LIMITS.windowRows };
/** A burst of changes that cannot be placed asks once. */
const REFRESH_DELAY_MS = 100;

/** The outbox list on show, if one is. */
export function shownQuery(): WindowQuery | null {
  const { view, outboxFilter } = useUiStore.getState();
  if (view !== 'outbox' && view !== 'sent' && view !== 'drafts') return null;
  return { view, filter: view === 'outbox' ? outboxFilter : 'all' };
}

const firstWindow = (query: WindowQuery): RowWindow => (query.view === 'drafts' ? DRAFTS_WINDOW : { offset: 0, limit: WINDOW_ROWS });

function request(query: WindowQuery, window: RowWindow): OutboxListRequest {
  const hidden = Object.keys(useSupersededStore.getState().ids).slice(-OUTBOX_LIST_LIMITS.hiddenIds);
  return { view: query.view, ...(query.view === 'outbox' && query.filter !== 'all' ? { state: query.filter } : {}), offset: window.offset, limit: window.limit, hidden };
}

let seq = 0;
let pending: { query: WindowQuery; window: RowWindow } | null = null;

/** Asks for one window of `query`; a newer request's answer wins. */
export async function loadOutboxWindow(api: MailApi, query: WindowQuery, window: RowWindow): Promise<void> {
  const mine = ++seq;
  pending = { query, window };
  const result = await settle(() => api.outbox.window(request(query, window)));
  if (mine !== seq) return;
  pending = null;
  const store = useOutboxStore.getState();
  if (!result.ok) {
    store.setLoadError(t('outbox.loadFailed', { message: errorText(result.error) }));
    return;
  }
  store.setLoadError(null);
  store.setList({ ...query, offset: result.value.offset, rows: result.value.rows }, result.value.counts);
}

/** The counts alone, for the sidebar while no outbox list is on show. */
export async function loadOutboxCounts(api: MailApi): Promise<void> {
  const mine = ++seq;
  const result = await settle(() => api.outbox.window(request({ view: 'outbox', filter: 'all' }, { offset: 0, limit: 0 })));
  if (mine !== seq) return;
  const store = useOutboxStore.getState();
  if (result.ok) store.setCounts(result.value.counts);
  else store.setLoadError(t('outbox.loadFailed', { message: errorText(result.error) }));
}

/** The list on show again (its window where it is), or the counts when none is. */
export function refreshOutbox(api: MailApi): Promise<void> {
  const query = shownQuery();
  if (!query) return loadOutboxCounts(api);
  const { list } = useOutboxStore.getState();
  const window = list && sameQuery(list, query) && query.view !== 'drafts' ? { offset: list.offset, limit: Math.max(list.rows.length, WINDOW_ROWS) } : firstWindow(query);
  return loadOutboxWindow(api, query, window);
}

/** Called as the list scrolls: asks for a new window when the rows on screen (and a margin) are not loaded. */
export function ensureOutboxRows(api: MailApi, visible: IndexRange): void {
  const query = shownQuery();
  const { list, counts } = useOutboxStore.getState();
  if (!query || query.view === 'drafts' || !list || !sameQuery(list, query)) return;
  const total = counts ? queryTotal(counts, query) : list.offset + list.rows.length;
  if (covers({ offset: list.offset, count: list.rows.length }, visible, total)) return;
  const window = windowAround(visible, total);
  if (pending && sameQuery(pending.query, query) && pending.window.offset === window.offset && pending.window.limit === window.limit) return;
  void loadOutboxWindow(api, query, window);
}

/** Items that ended badly while no window was open: the failed ones and the newest sent, said once. */
async function announceMissedEnds(api: MailApi): Promise<void> {
  const [failed, sent] = await Promise.all([
    settle(() => api.outbox.window(request({ view: 'outbox', filter: 'failed' }, DRAFTS_WINDOW))),
    settle(() => api.outbox.window(request({ view: 'sent', filter: 'all' }, { offset: 0, limit: WINDOW_ROWS }))),
  ]);
  const rows: OutboxSummary[] = [...(failed.ok ? failed.value.rows : []), ...(sent.ok ? sent.value.rows : [])];
  const missed = missedEndsText(rows, seenEndsUntil());
  if (missed) useAlertsStore.getState().push({ kind: 'error', text: missed });
  if (rows.length) markEndsSeen(Math.max(...rows.map((item) => item.updatedAt)));
}

/** The selected item, whole, for the details pane (a saved draft has its own). */
async function loadDetail(api: MailApi, id: string | null): Promise<void> {
  if (id === null || useDraftsStore.getState().drafts.some((d) => d.id === id)) return;
  const result = await settle(() => api.outbox.get({ id }));
  if (result.ok) useOutboxStore.getState().setDetail(result.value);
}

/** The first window and the counts, then the lists follow the view, the filter, the selection and the changes. */
export function connectOutbox(api: MailApi): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const later = () => {
    timer ??= setTimeout(() => {
      timer = null;
      void refreshOutbox(api);
    }, REFRESH_DELAY_MS);
  };
  const stops = [
    useUiStore.subscribe((state, previous) => {
      if (state.view === previous.view && state.outboxFilter === previous.outboxFilter) return;
      const query = shownQuery();
      const { list } = useOutboxStore.getState();
      if (query && !(list && sameQuery(list, query))) void loadOutboxWindow(api, query, firstWindow(query));
    }),
    useOutboxStore.subscribe((state, previous) => {
      if (state.stale && !previous.stale) later();
      if (state.selectedId !== previous.selectedId) void loadDetail(api, state.selectedId);
    }),
    // Hidden items leave the rows and the counts.
    useSupersededStore.subscribe((state, previous) => {
      if (state.ids !== previous.ids) later();
    }),
  ];
  void refreshOutbox(api);
  void announceMissedEnds(api);
  return () => {
    if (timer) clearTimeout(timer);
    stops.forEach((stop) => stop());
  };
}
