/**
 * What a report means for a message we sent: which of its recipients it is
 * about, and each one's delivery state over time. Pure: the tracker stores the
 * result. A report read twice changes nothing the second time; a late report
 * never undoes a final one (a "delayed" that arrives after "delivered").
 */
import { normalizeAddress } from '../../../shared/address';
import type { DeliveryEvent, DeliveryState, OutboxItem, Recipient } from '../../../shared/model';
import type { DeliveryStatus, ReportedRecipient } from './delivery-status';
import type { DispositionNotification } from './disposition';

export interface TrackingResult {
  item: OutboxItem;
  changed: boolean;
  /** Recipients the report names that are none of the message's: kept and listed, never dropped. */
  unmatched: ReportedRecipient[];
  /** Recipients this report moved to `failed`, for the notice that names them. */
  newlyFailed: Recipient[];
}

const FINAL: ReadonlySet<DeliveryState> = new Set(['delivered', 'failed']);

const key = (address: string): string => normalizeAddress(address.trim()).toLowerCase();

/** Original-Recipient first (what we asked for), then Final-Recipient (what the server acted on). */
export function findRecipient(recipients: readonly Recipient[], reported: Pick<ReportedRecipient, 'originalRecipient' | 'finalRecipient'>): number {
  for (const address of [reported.originalRecipient, reported.finalRecipient]) {
    if (!address) continue;
    const wanted = key(address);
    const index = recipients.findIndex((r) => key(r.address) === wanted);
    if (index >= 0) return index;
  }
  return -1;
}

/** The state the history adds up to: a final state beats any other, then the latest wins. */
export function currentState(events: readonly DeliveryEvent[]): DeliveryState {
  let best = events[0]!;
  for (const event of events.slice(1)) {
    const finalNow = FINAL.has(event.state);
    const finalBest = FINAL.has(best.state);
    if ((finalNow && !finalBest) || (finalNow === finalBest && event.at >= best.at)) best = event;
  }
  return best.state;
}

export function applyDeliveryStatus(item: OutboxItem, status: DeliveryStatus, reportId: string, receivedAt: number): TrackingResult {
  const recipients = item.recipients.map((r) => ({ ...r }));
  const unmatched: ReportedRecipient[] = [];
  const newlyFailed: Recipient[] = [];
  let changed = false;
  for (const reported of status.recipients) {
    if (!reported.action) {
      unmatched.push(reported);
      continue;
    }
    const index = findRecipient(recipients, reported);
    if (index < 0) {
      unmatched.push(reported);
      continue;
    }
    const recipient = recipients[index]!;
    const history = recipient.delivery?.events ?? [];
    if (history.some((e) => e.reportId === reportId && e.state === reported.action)) continue;
    const event: DeliveryEvent = {
      state: reported.action,
      at: reported.lastAttempt ?? receivedAt,
      status: reported.status,
      diagnostic: reported.diagnostic,
      reportingMta: status.reportingMta,
      retryUntil: reported.willRetryUntil,
      reportId,
    };
    const events = [...history, event].sort((a, b) => a.at - b.at);
    const before = recipient.delivery?.state;
    const state = currentState(events);
    recipients[index] = { ...recipient, delivery: { state, events } };
    if (state === 'failed' && before !== 'failed') newlyFailed.push(recipients[index]!);
    changed = true;
  }
  return { item: changed ? { ...item, recipients } : item, changed, unmatched, newlyFailed };
}

export function applyDisposition(item: OutboxItem, notice: DispositionNotification, reportId: string, receivedAt: number): TrackingResult {
  const index = findRecipient(item.recipients, notice);
  if (index < 0 || !notice.disposition) {
    const unmatched: ReportedRecipient = {
      originalRecipient: notice.originalRecipient,
      finalRecipient: notice.finalRecipient,
      action: null,
      status: null,
      remoteMta: null,
      diagnostic: null,
      lastAttempt: null,
      willRetryUntil: null,
    };
    return { item, changed: false, unmatched: [unmatched], newlyFailed: [] };
  }
  const recipient = item.recipients[index]!;
  // The first receipt is the answer: a recipient's client may send several (displayed, then deleted).
  if (recipient.readReceipt) return { item, changed: false, unmatched: [], newlyFailed: [] };
  const recipients = item.recipients.map((r, i) => (i === index ? { ...r, readReceipt: { disposition: notice.disposition!, at: receivedAt, reportId } } : r));
  return { item: { ...item, recipients }, changed: true, unmatched: [], newlyFailed: [] };
}
