/**
 * The outbox lists as windows: one sorted, filtered query per list run in
 * SQL, returning the rows the window shows (without the bodies) and every
 * state's count. The whole store never crosses the process boundary: for
 * 10,000 sent items the old whole list was 27.8 million characters.
 */
import type Database from 'better-sqlite3';
import {
  OUTBOX_STATES,
  type OutboxList,
  type OutboxListRequest,
  type OutboxState,
  type OutboxSummary,
  type OutboxView,
  type StateCounts,
} from '../../../shared/model';

/** The states each list holds; the Outbox's filter narrows it to one. */
export const VIEW_STATES: Readonly<Record<OutboxView, readonly OutboxState[]>> = {
  outbox: ['queued', 'sending', 'deferred', 'failed'],
  sent: ['sent'],
  drafts: ['cancelled'],
};

// Bodies and threading are what make an item big; the details pane asks for them (outbox.get).
const SUMMARY = "json_remove(json, '$.text', '$.html', '$.threading') AS json";
const WHERE = 'state IN (SELECT value FROM json_each(?)) AND id NOT IN (SELECT value FROM json_each(?))';

export class OutboxWindows {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      // Outbox and Sent: newest first, as the list always showed them (created_at never changes, so rows keep their place).
      // The window's ids are sorted first, on small keys; only its rows are then read and trimmed.
      byCreated: db.prepare<[string, string, number, number], { json: string }>(
        `SELECT ${SUMMARY} FROM items JOIN (SELECT rowid AS r FROM items WHERE ${WHERE} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?) AS w ON items.rowid = w.r ORDER BY created_at DESC, id DESC`,
      ),
      // Drafts: most recently changed first, like the saved drafts they are listed with.
      byUpdated: db.prepare<[string, string, number, number], { json: string }>(
        `SELECT ${SUMMARY} FROM items JOIN (SELECT rowid AS r, json_extract(json, '$.updatedAt') AS u FROM items WHERE ${WHERE} ORDER BY u DESC, id DESC LIMIT ? OFFSET ?) AS w ON items.rowid = w.r ORDER BY w.u DESC, id DESC`,
      ),
      counts: db.prepare<[string], { state: string; n: number }>(
        'SELECT state, count(*) AS n FROM items WHERE id NOT IN (SELECT value FROM json_each(?)) GROUP BY state',
      ),
    };
  }

  /** `request` is checked by the router (OutboxListRequestSchema). */
  window(request: OutboxListRequest): OutboxList {
    const hidden = JSON.stringify(request.hidden ?? []);
    const counts = this.counts(hidden);
    const states = request.view === 'outbox' && request.state ? [request.state] : VIEW_STATES[request.view];
    const total = states.reduce((sum, state) => sum + counts[state], 0);
    if (request.limit === 0 || request.offset >= total) return { total, offset: request.offset, rows: [], counts };
    const query = request.view === 'drafts' ? this.sql.byUpdated : this.sql.byCreated;
    const rows = query.all(JSON.stringify(states), hidden, request.limit, request.offset).map((r) => JSON.parse(r.json) as OutboxSummary);
    return { total, offset: request.offset, rows, counts };
  }

  private counts(hidden: string): StateCounts {
    const counts = Object.fromEntries(OUTBOX_STATES.map((state) => [state, 0])) as StateCounts;
    for (const { state, n } of this.sql.counts.all(hidden)) {
      // A row in an unknown state is damage, set aside when it is read; it counts in no list.
      if ((OUTBOX_STATES as readonly string[]).includes(state)) counts[state as OutboxState] = n;
    }
    return counts;
  }
}
