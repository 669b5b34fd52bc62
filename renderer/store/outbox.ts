/**
 * The outbox view: copies of the main process's items as last pushed, plus the
 * UI-only bits (selection, an action in flight per item). Nothing here is
 * edited locally; every item change comes from the core.
 */
import { create } from 'zustand';
import type { OutboxItem, SendProgress } from '../../shared/model';
import { mergeItems, upsertItem } from './outbox-logic';

export type RowAction = 'cancel' | 'retry' | 'edit' | 'delete' | 'retrySentCopy';

export interface OutboxState {
  items: OutboxItem[];
  selectedId: string | null;
  loadError: string | null;
  /** The action running for an item; its buttons wait meanwhile. */
  pending: Readonly<Record<string, RowAction>>;
  /** Bytes handed to the server so far, per item being sent (smtp:progress). */
  progress: Readonly<Record<string, SendProgress>>;
  /** Items deleted, so a late copy (a slow list answer) does not bring one back. */
  removed: ReadonlySet<string>;
  upsert(item: OutboxItem): void;
  /** An item deleted (outbox.delete, or the outbox:removed event). */
  remove(id: string): void;
  setProgress(progress: SendProgress): void;
  merge(items: readonly OutboxItem[]): void;
  select(id: string | null): void;
  setLoadError(message: string | null): void;
  setPending(id: string, action: RowAction | null): void;
}

export const initialOutboxState = {
  items: [] as OutboxItem[],
  selectedId: null as string | null,
  loadError: null as string | null,
  pending: {} as Readonly<Record<string, RowAction>>,
  progress: {} as Readonly<Record<string, SendProgress>>,
  removed: new Set<string>() as ReadonlySet<string>,
};

/** Progress is only about a send under way: it goes when the item leaves "sending". */
function progressAfter(progress: Readonly<Record<string, SendProgress>>, item: OutboxItem): Readonly<Record<string, SendProgress>> {
  if (item.state === 'sending' || progress[item.id] === undefined) return progress;
  const { [item.id]: _done, ...rest } = progress;
  return rest;
}

export const useOutboxStore = create<OutboxState>()((set) => ({
  ...initialOutboxState,
  upsert: (item) => set((s) => (s.removed.has(item.id) ? s : { items: upsertItem(s.items, item), progress: progressAfter(s.progress, item) })),
  merge: (items) => set((s) => ({ items: mergeItems(s.items, s.removed.size > 0 ? items.filter((i) => !s.removed.has(i.id)) : items) })),
  remove: (id) =>
    set((s) => {
      const removed = new Set(s.removed).add(id);
      const { [id]: _gone, ...progress } = s.progress;
      return { items: s.items.filter((i) => i.id !== id), removed, progress, selectedId: s.selectedId === id ? null : s.selectedId };
    }),
  setProgress: (p) =>
    set((s) => {
      const item = s.items.find((i) => i.id === p.itemId);
      // A late event about a send that is over is dropped.
      if (item && item.state !== 'sending') return s;
      return { progress: { ...s.progress, [p.itemId]: p } };
    }),
  select: (selectedId) => set((s) => (s.selectedId === selectedId ? s : { selectedId })),
  setLoadError: (loadError) => set({ loadError }),
  setPending: (id, action) =>
    set((s) => {
      if (action !== null) return { pending: { ...s.pending, [id]: action } };
      const { [id]: _done, ...rest } = s.pending;
      return { pending: rest };
    }),
}));
