/**
 * Which received messages are delivery reports or read receipts, and whether
 * each matched a message sent from here. Kept in mail.sqlite (this module's
 * own table, created if missing at open), so reports can be shown in their own
 * "Delivery reports" folder and left out of Inbox without moving anything on
 * the server, and so a report that matched nothing is listed, never dropped.
 */
import type { UnmatchedReport } from '../../../shared/mail-model';
import type { MailCache } from '../mail/mail-cache';
import type { ReportKind } from './report-tracker';

/** The folder that lists every report, of every account: not on any server. */
export const REPORTS_FOLDER_ID = 'delivery-reports';

const KINDS: Record<ReportKind, UnmatchedReport['kind']> = { delivery: 'delivery-status', disposition: 'disposition', 'unstructured-bounce': 'unstructured' };

/** SQL naming the ids of report messages, for list filters and counts. */
export const REPORT_IDS = 'SELECT message_id FROM report_messages';

export class ReportMessages {
  private readonly sql;

  constructor(private readonly cache: MailCache) {
    cache.db.exec(`CREATE TABLE IF NOT EXISTS report_messages (
      message_id TEXT PRIMARY KEY, kind TEXT NOT NULL, matched INTEGER NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID`);
    this.sql = {
      put: cache.db.prepare('INSERT OR REPLACE INTO report_messages (message_id, kind, matched, at) VALUES (?, ?, ?, ?)'),
      unmatched: cache.db.prepare<[], { id: string; subject: string; from_json: string | null; date: number; kind: ReportKind }>(
        `SELECT m.id, m.subject, m.from_json, m.date, r.kind FROM report_messages r JOIN messages m ON m.id = r.message_id
          WHERE r.matched = 0 ORDER BY m.date DESC, m.rowid DESC LIMIT 1000`,
      ),
    };
  }

  /** The tracker recognised the message `id` as a report. */
  async mark(id: string, kind: ReportKind, matched: boolean, at: number): Promise<void> {
    await this.cache.commit.write(() => {
      this.sql.put.run(id, kind, matched ? 1 : 0, at);
    });
  }

  unmatched(): UnmatchedReport[] {
    return this.sql.unmatched.all().map((r) => ({ id: r.id, subject: r.subject, from: senderText(r.from_json), at: r.date, kind: KINDS[r.kind] ?? 'unstructured' }));
  }
}

function senderText(json: string | null): string {
  try {
    const from = json ? (JSON.parse(json) as { name?: unknown; address?: unknown }) : null;
    if (typeof from?.address !== 'string') return '';
    return typeof from.name === 'string' && from.name ? `${from.name} <${from.address}>` : from.address;
  } catch {
    return '';
  }
}
