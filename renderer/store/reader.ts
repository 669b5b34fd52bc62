/**
 * The reading window's state: folders and sync status as the core pushes
 * them, the list on show (its query and the one window of rows loaded), the
 * open message, and the divider. Loading lives in features/reader/reader-actions.ts.
 */
import { create } from 'zustand';
import type { Folder, MessageDetail, MessageSummary, SyncStatus } from '../../shared/mail-model';
import { clampSplit, listKey, SPLIT_DEFAULT, type ListQuery } from './reader-logic';

const SPLIT_STORAGE_KEY = 'outbox-mail.reader.split';

export interface LoadedList {
  /** listKey of the query these rows answer. */
  key: string;
  total: number;
  offset: number;
  rows: MessageSummary[];
}

export interface OpenMessage {
  id: string;
  message: MessageDetail | null;
  error: string | null;
}

export interface ReaderState extends ListQuery {
  folders: Folder[];
  sync: Record<string, SyncStatus>;
  /** What the search field shows; `query` follows it after a pause. */
  typed: string;
  list: LoadedList | null;
  listError: string | null;
  selectedId: string | null;
  open: OpenMessage | null;
  split: number;
  setFolders(folders: Folder[]): void;
  setSync(status: SyncStatus): void;
  showFolder(folderId: string): void;
  setTyped(text: string): void;
  setQuery(query: string): void;
  setListOptions(options: Partial<Pick<ListQuery, 'sort' | 'descending' | 'unreadOnly' | 'flaggedOnly' | 'threads'>>): void;
  setList(list: LoadedList): void;
  setListError(error: string | null): void;
  select(id: string | null): void;
  setOpen(open: OpenMessage | null): void;
  setSplit(split: number): void;
}

function storedSplit(): number {
  try {
    const value = globalThis.localStorage?.getItem(SPLIT_STORAGE_KEY);
    return value === null || value === undefined ? SPLIT_DEFAULT : clampSplit(Number(value));
  } catch {
    return SPLIT_DEFAULT;
  }
}

export const initialReaderState = {
  folders: [] as Folder[],
  sync: {} as Record<string, SyncStatus>,
  folderId: null as string | null,
  typed: '',
  query: '',
  sort: 'date' as ListQuery['sort'],
  descending: true,
  unreadOnly: false,
  flaggedOnly: false,
  threads: false,
  list: null as LoadedList | null,
  listError: null as string | null,
  selectedId: null as string | null,
  open: null as OpenMessage | null,
  split: SPLIT_DEFAULT,
};

/** A new list empties the rows and the selection; the loader then asks for the first window. */
const freshList = { list: null, listError: null, selectedId: null, open: null };

export const useReaderStore = create<ReaderState>()((set) => ({
  ...initialReaderState,
  split: storedSplit(),
  setFolders: (folders) => set({ folders }),
  setSync: (status) => set((s) => ({ sync: { ...s.sync, [status.accountId]: status } })),
  showFolder: (folderId) => set((s) => (s.folderId === folderId && !s.query ? {} : { folderId, typed: '', query: '', ...freshList })),
  setTyped: (typed) => set({ typed }),
  setQuery: (query) => set((s) => (s.query === query ? {} : { query, ...freshList })),
  setListOptions: (options) => set({ ...options, ...freshList }),
  setList: (list) => set((s) => (list.key === listKey(s) ? { list, listError: null } : {})),
  setListError: (listError) => set({ listError }),
  select: (selectedId) => set({ selectedId }),
  setOpen: (open) => set((s) => (open === null || open.id === s.selectedId ? { open } : {})),
  setSplit: (value) => {
    const split = clampSplit(value);
    try {
      globalThis.localStorage?.setItem(SPLIT_STORAGE_KEY, String(split));
    } catch {
      // A full or blocked storage only forgets the divider.
    }
    set({ split });
  },
}));
