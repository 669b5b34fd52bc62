/** Where the user is: the view on show and the outbox filter. */
import { create } from 'zustand';
import type { OutboxFilter, View } from './mailbox-logic';

export interface UiState {
  view: View;
  outboxFilter: OutboxFilter;
  setView(view: View): void;
  setOutboxFilter(filter: OutboxFilter): void;
}

export const initialUiState = {
  view: 'outbox' as View,
  outboxFilter: 'all' as OutboxFilter,
};

export const useUiStore = create<UiState>()((set) => ({
  ...initialUiState,
  setView: (view) => set({ view }),
  setOutboxFilter: (outboxFilter) => set({ outboxFilter }),
}));
