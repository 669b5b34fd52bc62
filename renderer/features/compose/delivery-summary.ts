/**
 * The one line beside the folded "Delivery options": what this message's
 * delivery does differently from the defaults (undo delay, Send later,
 * receipts), so choices stay in view while the options are folded away.
 */
import { DEFAULT_DSN, type DsnRequest } from '../../../shared/model';
import { formatSendLater, parseLocalInputValue } from '../../format/time';
import { t } from '../../i18n/t';
import { dsnText } from '../detail/format';

export interface DeliveryChoices {
  /** The undo delay field as typed, and the default it starts from (null: not known yet). */
  delay: string;
  defaultDelay: number | null;
  /** Send later as YYYY-MM-DDTHH:MM local time; empty: send now. */
  sendAt: string;
  /** Receipts chosen for this message (null: the account's), and the account's. */
  dsn: DsnRequest | null;
  accountDsn: DsnRequest | undefined;
  readReceipt: boolean;
}

const sameDsn = (a: DsnRequest, b: DsnRequest) =>
  a.ret === b.ret && a.notify.success === b.notify.success && a.notify.failure === b.notify.failure && a.notify.delay === b.notify.delay;

/** The choices that differ from the defaults, one phrase each, in the window's language. */
export function deliveryChanges(choices: DeliveryChoices): string[] {
  const parts: string[] = [];
  const at = parseLocalInputValue(choices.sendAt);
  if (at !== null) parts.push(t('compose.summary.sendAt', { when: formatSendLater(at) }));
  const delay = choices.delay.trim();
  if (delay !== '' && (choices.defaultDelay === null || Number(delay) !== choices.defaultDelay)) parts.push(t('compose.summary.delay', { seconds: delay }));
  const usual = choices.accountDsn ?? DEFAULT_DSN;
  if (choices.dsn && !sameDsn(choices.dsn, usual)) parts.push(dsnText(choices.dsn));
  if (choices.readReceipt) parts.push(t('compose.summary.readReceipt'));
  return parts;
}

/** The summary line: the changes joined by " · ", or what happens by default. */
export function deliverySummary(choices: DeliveryChoices): string {
  const parts = deliveryChanges(choices);
  return parts.length === 0 ? t('compose.summary.default') : parts.join(' · ');
}
