/**
 * Drafts (and failures) the user has sent again in an edited version. The core
 * has no drafts store or delete yet, so the cancelled original would stay in
 * Drafts next to its replacement; this window remembers the replaced ids in
 * localStorage and leaves them out of the lists.
 */
import { create } from 'zustand';

const STORAGE_KEY = 'outbox-mail.superseded';
/** Enough for years of edits; the oldest are forgotten first. */
const MAX_KEPT = 5000;

function load(): Record<string, true> {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(ids) ? Object.fromEntries(ids.filter((id) => typeof id === 'string').map((id: string) => [id, true as const])) : {};
  } catch {
    return {};
  }
}

function save(ids: Readonly<Record<string, true>>): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.keys(ids).slice(-MAX_KEPT)));
  } catch {
    // No storage (tests, private mode): the choice holds for this window only.
  }
}

export interface SupersededState {
  ids: Readonly<Record<string, true>>;
  supersede(id: string): void;
}

export const initialSupersededState = { ids: {} as Readonly<Record<string, true>> };

export const useSupersededStore = create<SupersededState>()((set) => ({
  ids: typeof localStorage === 'undefined' ? {} : load(),
  supersede: (id) =>
    set((s) => {
      const ids = { ...s.ids, [id]: true as const };
      save(ids);
      return { ids };
    }),
}));
