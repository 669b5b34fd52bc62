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
  total: string;
  params: (string | number)[];
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

/** The WHERE clause for the request, its columns qualified with `table` ('' or 'm.'). */
function filterOf(request: ListRequest, table: string, reports: ReportsView | null, moved: string | null): { sql: string; params: (string | number)[] } {
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
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A WHERE term: the row is not a report sitting in an Inbox. */
export function notReportInInbox(table: string, reports: ReportsView): string {
  return `NOT (${table}id IN (${reports.ids}) AND ${table}folder_id IN (SELECT id FROM folders WHERE role = 'inbox'))`;
}

export function listSql(request: ListRequest, reports: ReportsView | null = null, moved: string | null = null): ListSql {
  const column = SORT_COLUMNS[request.sort];
  const direction = request.descending ? 'DESC' : 'ASC';
  const order = `ORDER BY m.${column} ${direction}, m.rowid ${direction}`;
  if (!request.threads) {
    // Straight from the table, so the (folder_id, sort column, rowid) index gives the order and the count.
    const filter = filterOf(request, 'm.', reports, moved);
    return {
      rows: `SELECT ${SUMMARY_COLUMNS}, 1 AS thread_size FROM messages m JOIN folders f ON f.id = m.folder_id ${filter.sql} ${order} LIMIT ? OFFSET ?`,
      total: `SELECT count(*) AS n FROM messages m ${filter.sql}`,
      params: filter.params,
    };
  }
  // The newest message stands for its conversation, with the conversation's size.
  const filter = filterOf(request, '', reports, moved);
  const source = `(SELECT * FROM (SELECT *, count(*) OVER t AS thread_size, row_number() OVER (t ORDER BY date DESC, rowid DESC) AS thread_rank
      FROM messages ${filter.sql} WINDOW t AS (PARTITION BY folder_id, thread_id)) WHERE thread_rank = 1)`;
  return {
    rows: `SELECT ${SUMMARY_COLUMNS}, m.thread_size FROM (SELECT * FROM ${source} m ${order} LIMIT ? OFFSET ?) m JOIN folders f ON f.id = m.folder_id ${order}`,
    total: `SELECT count(*) AS n FROM ${source}`,
    params: filter.params,
  };
}
