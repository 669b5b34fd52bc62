/**
 * What the user answered to a message's request for a read receipt, kept in
 * mail.sqlite so each request is asked once. Keyed by account and Message-ID,
 * not by row: a message moved, resynced or seen in two folders is the same
 * request. The table is this module's own (created if missing at open), so the
 * mail schema's version is left alone.
 */
import type { MailCache } from './mail-cache';

export type ReceiptAnswer = 'sent' | 'declined';

export class ReceiptAnswers {
  private readonly sql;

  constructor(private readonly cache: MailCache) {
    cache.db.exec(`CREATE TABLE IF NOT EXISTS receipt_answers (
      account_id TEXT NOT NULL, message_id TEXT NOT NULL, answer TEXT NOT NULL, at INTEGER NOT NULL,
      PRIMARY KEY (account_id, message_id)) WITHOUT ROWID`);
    this.sql = {
      get: cache.db.prepare<[string, string], { answer: string }>('SELECT answer FROM receipt_answers WHERE account_id = ? AND message_id = ?'),
      put: cache.db.prepare('INSERT OR IGNORE INTO receipt_answers (account_id, message_id, answer, at) VALUES (?, ?, ?, ?)'),
    };
  }

  get(accountId: string, messageId: string): ReceiptAnswer | null {
    const answer = this.sql.get.get(accountId, messageId)?.answer;
    return answer === 'sent' || answer === 'declined' ? answer : null;
  }

  /** The first answer stands: a second one (two windows, a double click) changes nothing. */
  async put(accountId: string, messageId: string, answer: ReceiptAnswer, at: number): Promise<ReceiptAnswer> {
    await this.cache.commit.write(() => {
      this.sql.put.run(accountId, messageId, answer, at);
    });
    return this.get(accountId, messageId) ?? answer;
  }
}
