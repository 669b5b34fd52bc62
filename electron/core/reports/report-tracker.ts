/**
 * Closes the loop on delivery reports: a message received in any mailbox is
 * checked for being a report about mail we sent; when it is, its message is
 * found (by our envelope id first, then by the returned Message-ID), each
 * recipient's delivery state is updated in the outbox store in one durable
 * write, and the change is pushed to the window. A report that matches nothing
 * is said to be unmatched, for the caller to keep and list; nothing is dropped.
 */
import { createHash } from 'node:crypto';
import type { Recipient, OutboxItem } from '../../../shared/model';
import type { MailStore } from '../db/mail-store';
import type { EventBus } from '../events';
import { applyDeliveryStatus, applyDisposition, type TrackingResult } from './delivery-tracking';
import { parseReport, type ParsedReport } from './report-message';

export type ReportKind = Exclude<ParsedReport['kind'], 'not-a-report'>;

export type TrackOutcome =
  | { kind: 'not-a-report' }
  | {
      kind: ReportKind;
      /** The report's own id (its Message-ID, else a hash of its bytes): the same report seen twice counts once. */
      reportId: string;
      /** The message it is about, when found. */
      itemId: string | null;
      /** Recipients it names that could not be matched (or all of them, when the message was not found). */
      unmatchedRecipients: number;
      newlyFailed: Recipient[];
    };

export interface ReportTrackerDeps {
  store: MailStore;
  events: EventBus;
  /** A recipient's delivery finally failed: the notice that names them. */
  onRecipientsFailed?: (item: OutboxItem, recipients: Recipient[]) => void;
}

export class ReportTracker {
  constructor(private readonly deps: ReportTrackerDeps) {}

  async track(raw: Buffer, receivedAt: number): Promise<TrackOutcome> {
    const report = parseReport(raw);
    if (report.kind === 'not-a-report') return report;
    const reportId = report.reportMessageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const named = report.kind === 'delivery' ? report.status.recipients.length : report.kind === 'disposition' ? 1 : 0;
    const unmatched = { kind: report.kind, reportId, itemId: null, unmatchedRecipients: named, newlyFailed: [] };
    // A plain-text bounce is a guess: it is listed, never applied to a recipient.
    if (report.kind === 'unstructured-bounce') return unmatched;
    const [envid, messageId] =
      report.kind === 'delivery'
        ? [report.status.envelopeId, report.returnedMessageId]
        : [null, report.disposition.originalMessageId ?? report.returnedMessageId];
    const candidates = this.deps.store.itemsReportedOn(envid, messageId ? `<${messageId}>` : null);
    // Two messages sharing an envelope id or Message-ID cannot be told apart: say so rather than guess.
    if (candidates.length !== 1) return unmatched;
    const id = candidates[0]!.id;
    let result: TrackingResult | null = null;
    await this.deps.store.commit.write(() => {
      const stored = this.deps.store.getItem(id);
      if (!stored) return;
      result =
        report.kind === 'delivery'
          ? applyDeliveryStatus(stored, report.status, reportId, receivedAt)
          : applyDisposition(stored, report.disposition, reportId, receivedAt);
      if (result.changed) this.deps.store.putItem(result.item, stored);
    });
    const applied = result as TrackingResult | null;
    if (!applied) return unmatched;
    if (applied.changed) this.deps.events.emit('outbox:changed', applied.item);
    if (applied.newlyFailed.length) this.deps.onRecipientsFailed?.(applied.item, applied.newlyFailed);
    return { kind: report.kind, reportId, itemId: id, unmatchedRecipients: applied.unmatched.length, newlyFailed: applied.newlyFailed };
  }
}
