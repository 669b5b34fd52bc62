/**
 * The folder list as the reports settings want it: Inbox's counts without the
 * reports hidden from it, and the "Delivery reports" folder (on no server)
 * counting every report. See list-query.ts for the lists themselves.
 */
import type Database from 'better-sqlite3';
import type { Folder } from '../../../shared/mail-model';
import type { ReportsView } from './list-query';

export function foldersWithReports(db: Database.Database, view: ReportsView | null, all: Folder[]): Folder[] {
  if (!view || (!view.hideFromInbox && !view.folderId)) return all;
  let folders = all;
  if (view.hideFromInbox) {
    const hidden = db
      .prepare<[], { folder_id: string; total: number; unread: number | null }>(
        `SELECT m.folder_id, count(*) AS total, sum(m.seen = 0) AS unread FROM messages m JOIN folders f ON f.id = m.folder_id
          WHERE f.role = 'inbox' AND m.id IN (${view.ids}) GROUP BY m.folder_id`,
      )
      .all();
    folders = all.map((f) => {
      const less = hidden.find((h) => h.folder_id === f.id);
      return less ? { ...f, total: f.total - less.total, unread: f.unread - (less.unread ?? 0) } : f;
    });
  }
  if (!view.folderId) return folders;
  const reports = db.prepare<[], { total: number; unread: number | null }>(`SELECT count(*) AS total, sum(seen = 0) AS unread FROM messages WHERE id IN (${view.ids})`).get();
  const id = view.folderId;
  return [...folders, { id, accountId: id, path: id, name: id, delimiter: null, role: 'reports', selectable: true, total: reports?.total ?? 0, unread: reports?.unread ?? 0 }];
}
