/**
 * Pure wording of delivery tracking: the Sent list's one-line summary of what
 * the reports said, and one recipient's history for the details pane.
 */
import type { DeliveryEvent, DeliveryState, OutboxItem, Recipient } from '../../../shared/model';
import { formatWhen } from '../../format/time';
import { t } from '../../i18n/t';

export type Tone = 'ok' | 'bad' | 'wait' | 'none';

/** Order of the summary: bad news first. */
const ORDER: readonly DeliveryState[] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

/** The Receipts column of Sent: no receipts asked, none supported, none yet, or counts per state. */
export function trackingSummary(item: Pick<OutboxItem, 'recipients' | 'dsn' | 'warnings'>): { text: string; tone: Tone } {
  if (item.warnings.includes('NO_DSN_SUPPORT')) return { text: t('outbox.noDsn'), tone: 'none' };
  const { success, failure, delay } = item.dsn.notify;
  const requested = success || failure || delay;
  const accepted = item.recipients.filter((r) => r.state === 'accepted');
  const tracked = accepted.filter((r) => r.delivery);
  if (!tracked.length) return { text: requested ? t('sent.dsnRequested') : t('sent.dsnNone'), tone: 'none' };
  if (tracked.length === accepted.length && tracked.every((r) => r.delivery!.state === 'delivered')) return { text: t('tracking.allDelivered'), tone: 'ok' };
  const counts = ORDER.map((state) => [state, tracked.filter((r) => r.delivery!.state === state).length] as const).filter(([, n]) => n > 0);
  const text = counts.map(([state, count]) => t('tracking.count', { state: t(`tracking.state.${state}`), count })).join(' · ');
  const tone: Tone = counts.some(([s]) => s === 'failed') ? 'bad' : counts.some(([s]) => s === 'delayed') ? 'wait' : 'ok';
  return { text, tone };
}

export interface TimelineRow {
  key: string;
  state: DeliveryState;
  label: string;
  when: string;
  /** Status code and the remote server's words, as reported. */
  detail: string;
  /** For a delay: until when the server keeps trying. */
  retry: string | null;
}

export function timeline(recipient: Pick<Recipient, 'delivery'>, now: number): TimelineRow[] {
  return (recipient.delivery?.events ?? []).map((event: DeliveryEvent, index) => ({
    key: `${event.reportId}:${event.state}:${index}`,
    state: event.state,
    label: t(`tracking.state.${event.state}`),
    when: formatWhen(event.at, now),
    detail: [event.status, event.diagnostic].filter(Boolean).join(' '),
    retry: event.state === 'delayed' && event.retryUntil !== null ? t('tracking.retryUntil', { when: formatWhen(event.retryUntil, now) }) : null,
  }));
}

export function readReceiptText(recipient: Pick<Recipient, 'readReceipt'>, now: number): string | null {
  const receipt = recipient.readReceipt;
  return receipt ? t(`tracking.receipt.${receipt.disposition}`, { when: formatWhen(receipt.at, now) }) : null;
}
