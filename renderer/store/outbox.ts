/**
 * The outbox lists' view: the one window of rows loaded for the list on show
 * (Outbox, Sent or Drafts' cancelled items), every state's count, the whole
 * item the details pane shows, and the UI-only bits (selection, an action in
 * flight per item). Nothing here is edited locally; every item change comes
 * from the core and is placed by outbox-logic.ts. Loading lives in
 * features/outbox/outbox-list-actions.ts.
 */
import { create } from 'zustand';
import type { OutboxItem, OutboxState as ItemState, OutboxSummary, SendProgress, StateCounts } from '../../shared/model';
import { applyChange, isStale, mergeWindow, toSummary, type OutboxWindow } from './outbox-logic';

export type RowAction = 'cancel' | 'retry' | 'edit' | 'delete' | 'retrySentCopy';

export interface OutboxState {
  list: OutboxWindow | null;
  counts: StateCounts | null;
  /**
   * Items heard of (events, a command's answer): their last copy, for counts and notices. Changed in
   * place and bounded, so a long run of sends costs no copy of it per event; selectors do not follow it.
   */
  known: ReadonlyMap<string, OutboxSummary>;
  /** The selected item, whole (outbox.get), for the details pane. */
  detail: OutboxItem | null;
  /** The last whole item pushed or answered: selecting it (a message just sent) shows it without waiting for outbox.get. */
  lastItem: OutboxItem | null;
  /** A change could not be placed in the window: the loader asks for it again. */
  stale: boolean;
  selectedId: string | null;
  loadError: string | null;
  /** The action running for an item; its buttons wait meanwhile. */
  pending: Readonly<Record<string, RowAction>>;
  /** Bytes handed to the server so far, per item being sent (smtp:progress). */
  progress: Readonly<Record<string, SendProgress>>;
  /** Items deleted, so a late copy (a slow window answer) does not bring one back. */
  removed: ReadonlySet<string>;
  /** A window (and the counts) as the core answered it. */
  setList(list: OutboxWindow, counts: StateCounts): void;
  setCounts(counts: StateCounts): void;
  /** An item pushed by the core (outbox:changed) or answered by a command. */
  upsert(item: OutboxItem): void;
  /** An item deleted (outbox.delete, or the outbox:removed event). */
  remove(id: string): void;
  setDetail(item: OutboxItem): void;
  setProgress(progress: SendProgress): void;
  select(id: string | null): void;
  setLoadError(message: string | null): void;
  setPending(id: string, action: RowAction | null): void;
}

/** Before the first answer: nothing counted yet. */
export const NO_COUNTS: StateCounts = { queued: 0, sending: 0, deferred: 0, sent: 0, failed: 0, cancelled: 0 };

export const initialOutboxState = {
  list: null as OutboxWindow | null,
  counts: null as StateCounts | null,
  known: new Map<string, OutboxSummary>() as ReadonlyMap<string, OutboxSummary>,
  detail: null as OutboxItem | null,
  lastItem: null as OutboxItem | null,
  stale: false,
  selectedId: null as string | null,
  loadError: null as string | null,
  pending: {} as Readonly<Record<string, RowAction>>,
  progress: {} as Readonly<Record<string, SendProgress>>,
  removed: new Set<string>() as ReadonlySet<string>,
};

type Snapshot = Pick<OutboxState, 'list' | 'known' | 'detail'>;

/** The latest copy of an item this window holds: a row, one heard of, or the one open. */
export function findItem(s: Snapshot, id: string | null): OutboxSummary | undefined {
  if (id === null) return undefined;
  return s.list?.rows.find((row) => row.id === id) ?? s.known.get(id) ?? (s.detail?.id === id ? s.detail : undefined);
}

/** Every item this window holds a copy of: the rows loaded, then the others heard of. */
export function heldItems(s: Pick<OutboxState, 'list' | 'known'>): OutboxSummary[] {
  const rows = s.list?.rows ?? [];
  const inRows = new Set(rows.map((row) => row.id));
  return [...rows, ...[...s.known.values()].filter((item) => !inRows.has(item.id))];
}

export const stateOf = (s: Snapshot, id: string): ItemState | undefined => findItem(s, id)?.state;

/** Enough for a long session's changes; an item forgotten costs only a fresh count from the core when it changes again. */
const KNOWN_MAX = 5000;

function remember(known: Map<string, OutboxSummary>, item: OutboxSummary): void {
  known.delete(item.id);
  known.set(item.id, item);
  if (known.size > KNOWN_MAX) known.delete(known.keys().next().value as string);
}

/** Progress is only about a send under way: it goes when the item leaves "sending". */
function progressAfter(progress: Readonly<Record<string, SendProgress>>, item: OutboxSummary): Readonly<Record<string, SendProgress>> {
  if (item.state === 'sending' || progress[item.id] === undefined) return progress;
  const { [item.id]: _done, ...rest } = progress;
  return rest;
}

export const useOutboxStore = create<OutboxState>()((set) => ({
  ...initialOutboxState,
  setList: (list, counts) =>
    set((s) => {
      const rows = s.removed.size > 0 ? list.rows.filter((r) => !s.removed.has(r.id)) : list.rows;
      return { list: mergeWindow({ ...list, rows }, s.list), counts, stale: false };
    }),
  setCounts: (counts) => set({ counts }),
  upsert: (item) =>
    set((s) => {
      if (s.removed.has(item.id)) return s;
      const current = findItem(s, item.id);
      if (current && isStale(item, current)) return s;
      const summary = toSummary(item);
      remember(s.known as Map<string, OutboxSummary>, summary);
      const applied = applyChange(s.list, s.counts, current?.state, item.id, summary);
      return {
        list: applied.list,
        counts: applied.counts,
        stale: s.stale || applied.refetch,
        lastItem: item,
        // Events carry the whole item: the one open follows them.
        detail: s.selectedId === item.id ? item : s.detail,
        progress: progressAfter(s.progress, summary),
      };
    }),
  remove: (id) =>
    set((s) => {
      const removed = new Set(s.removed).add(id);
      const applied = applyChange(s.list, s.counts, stateOf(s, id), id, null);
      const { [id]: _gone, ...progress } = s.progress;
      (s.known as Map<string, OutboxSummary>).delete(id);
      return {
        list: applied.list,
        counts: applied.counts,
        stale: s.stale || applied.refetch,
        removed,
        progress,
        detail: s.detail?.id === id ? null : s.detail,
        lastItem: s.lastItem?.id === id ? null : s.lastItem,
        selectedId: s.selectedId === id ? null : s.selectedId,
      };
    }),
  setDetail: (item) =>
    set((s) => {
      if (item.id !== s.selectedId || s.removed.has(item.id)) return s;
      // An event that came while it was asked for is newer.
      if (s.detail?.id === item.id && isStale(item, s.detail)) return s;
      return { detail: item };
    }),
  setProgress: (p) =>
    set((s) => {
      const item = findItem(s, p.itemId);
      // A late event about a send that is over is dropped.
      if (item && item.state !== 'sending') return s;
      return { progress: { ...s.progress, [p.itemId]: p } };
    }),
  select: (selectedId) =>
    set((s) => {
      if (s.selectedId === selectedId) return s;
      const detail = s.detail?.id === selectedId ? s.detail : s.lastItem?.id === selectedId ? s.lastItem : null;
      return { selectedId, detail };
    }),
  setLoadError: (loadError) => set({ loadError }),
  setPending: (id, action) =>
    set((s) => {
      if (action !== null) return { pending: { ...s.pending, [id]: action } };
      const { [id]: _done, ...rest } = s.pending;
      return { pending: rest };
    }),
}));
