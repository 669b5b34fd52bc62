/**
 * Saved drafts as the core last reported them (drafts.list, then the
 * drafts:changed event, which carries the whole list). `version` counts
 * pushed lists so a slower drafts.list answer cannot roll one back.
 */
import { create } from 'zustand';
import type { Draft } from '../../shared/model';

export interface DraftsState {
  drafts: Draft[];
  loadError: string | null;
  version: number;
  /** The whole list, from an event or a load. */
  replace(drafts: readonly Draft[]): void;
  /** One draft the core has just saved. */
  upsert(draft: Draft): void;
  remove(id: string): void;
  setLoadError(message: string | null): void;
}

export const initialDraftsState = { drafts: [] as Draft[], loadError: null as string | null, version: 0 };

const newestFirst = (a: Draft, b: Draft) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);

export const useDraftsStore = create<DraftsState>()((set) => ({
  ...initialDraftsState,
  replace: (drafts) => set((s) => ({ drafts: [...drafts].sort(newestFirst), version: s.version + 1, loadError: null })),
  upsert: (draft) =>
    set((s) => {
      const current = s.drafts.find((d) => d.id === draft.id);
      if (current && current.updatedAt > draft.updatedAt) return s;
      return { drafts: [...s.drafts.filter((d) => d.id !== draft.id), draft].sort(newestFirst) };
    }),
  remove: (id) => set((s) => ({ drafts: s.drafts.filter((d) => d.id !== id) })),
  setLoadError: (loadError) => set({ loadError }),
}));
