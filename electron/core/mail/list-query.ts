/**
 * A list request as one SQL window: filter, optional full-text match, optional
 * one-row-per-conversation, sort, offset and limit, plus the total, so no
 * command ever reads a whole folder into the main process.
 */
import type { MailListRequestSchema } from '../../../shared/mail-model';
import type { z } from 'zod';
import { SUMMARY_COLUMNS } from './message-rows';

type ListRequest = z.output<typeof MailListRequestSchema>;

/**
 * Delivery reports (reports/report-messages.ts) as the settings want them: left out of Inbox, and
 * listed together under `folderId` (a folder on no server). Null: reports are plain mail.
 */
export interface ReportsView {
  hideFromInbox: boolean;
  folderId: string | null;
  /** SQL naming the ids of report messages. */
  ids: string;
}

const SORT_COLUMNS = { date: 'date', from: 'from_sort', subject: 'subject_sort', size: 'size' } as const;

export interface ListSql {
  rows: string;
  /** For `rows`, before the limit and offset. */
  rowParams: (string | number)[];
  total: string;
  totalParams: (string | number)[];
}

/**
 * Turns what the user typed into an FTS5 query that cannot be a syntax error:
 * every word quoted, the last one as a prefix (results as you type).
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_@.+-]+/gu)?.slice(0, 16) ?? [];
  if (!words.length) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The request's conditions on one message, its columns qualified with `table` ('m.' or 'n.'). */
function filterOf(request: ListRequest, table: string, reports: ReportsView | null, moved: string | null): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  // Moved away by an action the server has not finished: gone from the user's view already.
  if (moved) where.push(`${table}id NOT IN (${moved})`);
  const params: (string | number)[] = [];
  if (reports?.folderId && request.folderId === reports.folderId) where.push(`${table}id IN (${reports.ids})`);
  else if (request.folderId) {
    where.push(`${table}folder_id = ?`);
    params.push(request.folderId);
  }
  // Hidden from Inbox's list; search (no folder) still finds them.
  if (reports?.hideFromInbox && request.folderId && request.folderId !== reports.folderId) where.push(notReportInInbox(table, reports));
  if (request.unreadOnly) where.push(`${table}seen = 0`);
  if (request.flaggedOnly) where.push(`${table}flagged = 1`);
  const match = request.query ? ftsQuery(request.query) : null;
  if (request.query !== undefined && request.query.trim() && !match) where.push('0');
  if (match) {
    where.push(`${table}rowid IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)`);
    params.push(match);
  }
  return { where, params };
}

const whereOf = (terms: string[]): string => (terms.length ? `WHERE ${terms.join(' AND ')}` : '');

/** A WHERE term: the row is not a report sitting in an Inbox. */
export function notReportInInbox(table: string, reports: ReportsView): string {
  return `NOT (${table}id IN (${reports.ids}) AND ${table}folder_id IN (SELECT id FROM folders WHERE role = 'inbox'))`;
}

export function listSql(request: ListRequest, reports: ReportsView | null = null, moved: string | null = null): ListSql {
  const column = SORT_COLUMNS[request.sort];
  const direction = request.descending ? 'DESC' : 'ASC';
  const order = `ORDER BY m.${column} ${direction}, m.rowid ${direction}`;
  const outer = filterOf(request, 'm.', reports, moved);
  if (!request.threads) {
    // Straight from the table, so the (folder_id, sort column, rowid) index gives the order and the count.
    const where = whereOf(outer.where);
    return {
      rows: `SELECT ${SUMMARY_COLUMNS}, 1 AS thread_size FROM messages m JOIN folders f ON f.id = m.folder_id ${where} ${order} LIMIT ? OFFSET ?`,
      rowParams: outer.params,
      total: `SELECT count(*) AS n FROM messages m ${where}`,
      totalParams: outer.params,
    };
  }
  // A conversation is shown by its newest message that passes the filter. Walking the sort index and
  // asking of each row "is there a newer one in its conversation?" (an index seek on folder, thread,
  // date) stops once the window is full, instead of ranking every message of the folder first.
  const inner = filterOf(request, 'n.', reports, moved);
  const sameThread = [...inner.where, 'n.folder_id = m.folder_id', 'n.thread_id = m.thread_id'];
  const newest = `NOT EXISTS (SELECT 1 FROM messages n ${whereOf([...sameThread, '(n.date > m.date OR (n.date = m.date AND n.rowid > m.rowid))'])})`;
  const where = whereOf([...outer.where, newest]);
  return {
    rows: `SELECT ${SUMMARY_COLUMNS}, (SELECT count(*) FROM messages n ${whereOf(sameThread)}) AS thread_size
      FROM messages m JOIN folders f ON f.id = m.folder_id ${where} ${order} LIMIT ? OFFSET ?`,
    rowParams: [...inner.params, ...outer.params, ...inner.params],
    // One per conversation that has a message passing the filter.
    total: `SELECT count(*) AS n FROM (SELECT DISTINCT m.folder_id, m.thread_id FROM messages m ${whereOf(outer.where)})`,
    totalParams: outer.params,
  };
}
