/**
 * The outbox view: copies of the main process's items as last pushed, plus the
 * UI-only bits (selection, an action in flight per item). Nothing here is
 * edited locally; every item change comes from the core.
 */
import { create } from 'zustand';
import type { OutboxItem } from '../../shared/model';
import { mergeItems, upsertItem } from './outbox-logic';

export type RowAction = 'cancel' | 'retry' | 'edit';

export interface OutboxState {
  items: OutboxItem[];
  selectedId: string | null;
  loadError: string | null;
  /** The action running for an item; its buttons wait meanwhile. */
  pending: Readonly<Record<string, RowAction>>;
  upsert(item: OutboxItem): void;
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
};

export const useOutboxStore = create<OutboxState>()((set) => ({
  ...initialOutboxState,
  upsert: (item) => set((s) => ({ items: upsertItem(s.items, item) })),
  merge: (items) => set((s) => ({ items: mergeItems(s.items, items) })),
  select: (selectedId) => set((s) => (s.selectedId === selectedId ? s : { selectedId })),
  setLoadError: (loadError) => set({ loadError }),
  setPending: (id, action) =>
    set((s) => {
      if (action !== null) return { pending: { ...s.pending, [id]: action } };
      const { [id]: _done, ...rest } = s.pending;
      return { pending: rest };
    }),
}));
