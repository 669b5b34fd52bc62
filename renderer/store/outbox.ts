/**
 * The outbox view: copies of the main process's items as last pushed, plus the
 * UI-only bits (selection, cancel or retry in flight, their errors). Nothing here is
 * edited locally; every item change comes from the core.
 */
import { create } from 'zustand';
import type { OutboxItem } from '../../shared/model';
import { mergeItems, upsertItem } from './outbox-logic';

export interface OutboxState {
  items: OutboxItem[];
  selectedId: string | null;
  loadError: string | null;
  cancelling: Readonly<Record<string, true>>;
  cancelErrors: Readonly<Record<string, string>>;
  retrying: Readonly<Record<string, true>>;
  retryErrors: Readonly<Record<string, string>>;
  upsert(item: OutboxItem): void;
  merge(items: readonly OutboxItem[]): void;
  select(id: string | null): void;
  setLoadError(message: string | null): void;
  setCancelling(id: string, cancelling: boolean): void;
  setCancelError(id: string, message: string | null): void;
  setRetrying(id: string, retrying: boolean): void;
  setRetryError(id: string, message: string | null): void;
}

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _removed, ...rest } = record;
  return rest;
};

export const initialOutboxState = {
  items: [] as OutboxItem[],
  selectedId: null as string | null,
  loadError: null as string | null,
  cancelling: {} as Readonly<Record<string, true>>,
  cancelErrors: {} as Readonly<Record<string, string>>,
  retrying: {} as Readonly<Record<string, true>>,
  retryErrors: {} as Readonly<Record<string, string>>,
};

export const useOutboxStore = create<OutboxState>()((set) => ({
  ...initialOutboxState,
  upsert: (item) => set((s) => ({ items: upsertItem(s.items, item) })),
  merge: (items) => set((s) => ({ items: mergeItems(s.items, items) })),
  select: (selectedId) => set({ selectedId }),
  setLoadError: (loadError) => set({ loadError }),
  setCancelling: (id, cancelling) =>
    set((s) => ({ cancelling: cancelling ? { ...s.cancelling, [id]: true } : without(s.cancelling, id) })),
  setCancelError: (id, message) =>
    set((s) => ({ cancelErrors: message === null ? without(s.cancelErrors, id) : { ...s.cancelErrors, [id]: message } })),
  setRetrying: (id, retrying) =>
    set((s) => ({ retrying: retrying ? { ...s.retrying, [id]: true } : without(s.retrying, id) })),
  setRetryError: (id, message) =>
    set((s) => ({ retryErrors: message === null ? without(s.retryErrors, id) : { ...s.retryErrors, [id]: message } })),
}));
