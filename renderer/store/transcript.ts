/**
 * The transcript of the selected outbox item: the stored lines loaded once,
 * then live `smtp:response` lines for that item appended as they come.
 */
import { create } from 'zustand';
import type { TranscriptEntry } from '../../shared/model';
import { mergeEntries } from './transcript-logic';

export interface TranscriptState {
  itemId: string | null;
  entries: TranscriptEntry[];
  loading: boolean;
  loadError: string | null;
  /** Starts showing another item; lines of the previous one are dropped. */
  show(itemId: string | null): void;
  /** Lines from transcript.get; ignored if the user has moved on to another item. */
  loaded(itemId: string, entries: readonly TranscriptEntry[]): void;
  failed(itemId: string, message: string): void;
  /** A live line; only kept when it belongs to the item on show. */
  append(entry: TranscriptEntry): void;
}

export const initialTranscriptState = {
  itemId: null as string | null,
  entries: [] as TranscriptEntry[],
  loading: false,
  loadError: null as string | null,
};

export const useTranscriptStore = create<TranscriptState>()((set) => ({
  ...initialTranscriptState,
  show: (itemId) => set({ itemId, entries: [], loading: itemId !== null, loadError: null }),
  loaded: (itemId, entries) =>
    set((s) => (s.itemId === itemId ? { entries: mergeEntries(s.entries, entries), loading: false } : s)),
  failed: (itemId, message) => set((s) => (s.itemId === itemId ? { loading: false, loadError: message } : s)),
  append: (entry) => set((s) => (s.itemId === entry.itemId ? { entries: mergeEntries(s.entries, [entry]) } : s)),
}));
