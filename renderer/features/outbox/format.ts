/** Pure wording of list rows: one function per column. */
import { formatMailbox } from '../../../shared/address';
import type { WarningCode } from '../../../shared/errors';
import type { OutboxItem, OutboxState, Recipient, SmtpReply } from '../../../shared/model';
import { formatCount } from '../../format/number';
import { formatWhen } from '../../format/time';
import { errorText } from '../../i18n/error-text';
import { t, tPlural, type MessageKey } from '../../i18n/t';

export function stateWord(state: OutboxState): string {
  return t(`state.${state}`);
}

export function mailboxText(r: Pick<Recipient, 'name' | 'address'>): string {
  return formatMailbox(r.name ? { name: r.name, address: r.address } : { address: r.address });
}

export function recipientsText(recipients: OutboxItem['recipients']): string {
  if (recipients.length === 0) return t('outbox.noRecipients');
  return recipients
    .map((r) => (r.state === 'rejected' ? t('outbox.rejected', { recipient: mailboxText(r) }) : mailboxText(r)))
    .join(', ');
}

export function subjectText(subject: string): string {
  return subject.trim() === '' ? t('outbox.noSubject') : subject;
}

export function attemptsText(item: Pick<OutboxItem, 'attempts'>): string {
  return formatCount(item.attempts);
}

/**
 * The Next try column: when the spooler will take the item. A deferred item
 * waiting for an unreachable server is due already: it goes as soon as the
 * server answers. A queued item may be held (undo delay, Send later).
 */
export function nextTryText(item: Pick<OutboxItem, 'state' | 'notBefore'>, now: number, locale?: string): string {
  const held = item.notBefore > now;
  if (item.state === 'deferred') return held ? formatWhen(item.notBefore, now, locale) : t('outbox.nextTrySoon');
  if (item.state === 'queued') return held ? t('outbox.heldUntil', { time: formatWhen(item.notBefore, now, locale) }) : t('outbox.due');
  return t('outbox.none');
}

/** A reply as the server sent it: "550 5.1.1 User unknown". */
export function replyText(reply: SmtpReply): string {
  return [String(reply.code), reply.enhanced, reply.text].filter(Boolean).join(' ');
}

/** The Last server reply column; the reason of a failure or a deferral comes first, as it says more. */
export function lastReplyText(item: Pick<OutboxItem, 'error' | 'lastReply'>): string {
  if (item.error) return errorText(item.error);
  return item.lastReply ? replyText(item.lastReply) : t('outbox.none');
}

/** "Tried 2 times" for the details pane; "No attempt used yet" when offline time burned none. */
export function attemptsSentence(item: Pick<OutboxItem, 'attempts'>): string {
  return item.attempts > 0 ? tPlural('outbox.tried', item.attempts) : t('outbox.notTried');
}

/** The Delivery column of Sent: "2 accepted · 1 rejected". */
export function deliverySummary(recipients: readonly Pick<Recipient, 'state'>[]): string {
  const count = (state: Recipient['state']) => recipients.filter((r) => r.state === state).length;
  const parts: string[] = [];
  const accepted = count('accepted');
  const rejected = count('rejected');
  const pending = count('pending');
  if (accepted > 0 || (rejected === 0 && pending === 0)) parts.push(tPlural('sent.accepted', accepted));
  if (rejected > 0) parts.push(tPlural('sent.rejectedCount', rejected));
  if (pending > 0) parts.push(tPlural('sent.pendingCount', pending));
  return parts.join(' · ');
}

const WARNING_KEYS: Record<WarningCode, { label: MessageKey; hint: MessageKey }> = {
  NO_DSN_SUPPORT: { label: 'outbox.noDsn', hint: 'outbox.noDsnHint' },
  POSSIBLE_DUPLICATE: { label: 'outbox.possibleDuplicate', hint: 'outbox.possibleDuplicateHint' },
};

export function warningBadges(warnings: readonly WarningCode[]): { code: WarningCode; label: string; hint: string }[] {
  return [...new Set(warnings)].map((code) => ({ code, label: t(WARNING_KEYS[code].label), hint: t(WARNING_KEYS[code].hint) }));
}
