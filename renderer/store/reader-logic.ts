/** Pure helpers of the reading window: folders in the order people expect, list queries, the divider's range. */
import type { Folder, FolderRole, LIST_SORTS, MailListRequest } from '../../shared/mail-model';

const ROLE_ORDER: Readonly<Record<FolderRole, number>> = { inbox: 0, drafts: 1, sent: 2, archive: 3, reports: 4, junk: 5, trash: 6, other: 7 };

/** One account's folders: Inbox first, then the special ones, then the rest by path. */
export function foldersOf(folders: readonly Folder[], accountId: string): Folder[] {
  return folders
    .filter((f) => f.accountId === accountId)
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.path.localeCompare(b.path));
}

/** How deep a folder sits under its parents (shown indented). */
export function folderDepth(folder: Folder): number {
  if (!folder.delimiter) return 0;
  return folder.path.split(folder.delimiter).length - 1;
}

export type ListSort = (typeof LIST_SORTS)[number];

export interface ListQuery {
  folderId: string | null;
  /** The search as sent to the core ('' = none). */
  query: string;
  sort: ListSort;
  descending: boolean;
  unreadOnly: boolean;
  flaggedOnly: boolean;
  threads: boolean;
}

/** The same list asked for twice gives the same key: answers for an older key are stale. */
export const listKey = (q: ListQuery): string => JSON.stringify([q.folderId, q.query, q.sort, q.descending, q.unreadOnly, q.flaggedOnly, q.threads]);

/** A search looks in every folder; otherwise the folder on show. Null when there is nothing to list. */
export function listRequest(q: ListQuery, offset: number, limit: number): MailListRequest | null {
  const query = q.query.trim();
  if (!query && !q.folderId) return null;
  return {
    ...(query ? { query } : { folderId: q.folderId as string }),
    offset,
    limit,
    sort: q.sort,
    descending: q.descending,
    unreadOnly: q.unreadOnly,
    flaggedOnly: q.flaggedOnly,
    threads: q.threads,
  };
}

/** The list's share of the space beside the reading pane. */
export const SPLIT_MIN = 0.2;
export const SPLIT_MAX = 0.8;
export const SPLIT_DEFAULT = 0.42;
export const clampSplit = (value: number): number => (Number.isFinite(value) ? Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, value)) : SPLIT_DEFAULT);

/** Arrow keys move the divider by this share; Home/End go to the ends. */
export function splitAfterKey(split: number, key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return clampSplit(split - 0.05);
    case 'ArrowRight':
    case 'ArrowDown':
      return clampSplit(split + 0.05);
    case 'Home':
      return SPLIT_MIN;
    case 'End':
      return SPLIT_MAX;
    default:
      return null;
  }
}
