/** Pure wording of an outbox row. */
import { formatMailbox } from '../../../shared/address';
import type { OutboxItem, OutboxState } from '../../../shared/model';
import type { WarningCode } from '../../../shared/errors';
import { t, type MessageKey } from '../../i18n/t';
import { formatClock } from '../../format/time';

export function stateWord(state: OutboxState): string {
  return t(`state.${state}`);
}

export function recipientsText(recipients: OutboxItem['recipients']): string {
  if (recipients.length === 0) return t('outbox.noRecipients');
  return recipients
    .map((r) => {
      const shown = formatMailbox(r.name ? { name: r.name, address: r.address } : { address: r.address });
      return r.state === 'rejected' ? t('outbox.rejected', { recipient: shown }) : shown;
    })
    .join(', ');
}

export function subjectText(subject: string): string {
  return subject.trim() === '' ? t('outbox.noSubject') : subject;
}

/** The one time worth showing for the item's state. */
export function timeNote(item: Pick<OutboxItem, 'state' | 'notBefore' | 'sentAt' | 'createdAt'>, now: number): string {
  if (item.state === 'sent' && item.sentAt !== null) return t('outbox.sentAt', { time: formatClock(item.sentAt) });
  if (item.state === 'deferred') return t('outbox.nextAttempt', { time: formatClock(item.notBefore) });
  if (item.state === 'queued' && item.notBefore > now) return t('outbox.heldUntil', { time: formatClock(item.notBefore) });
  return t('outbox.createdAt', { time: formatClock(item.createdAt) });
}

const WARNING_KEYS: Record<WarningCode, { label: MessageKey; hint: MessageKey }> = {
  NO_DSN_SUPPORT: { label: 'outbox.noDsn', hint: 'outbox.noDsnHint' },
  POSSIBLE_DUPLICATE: { label: 'outbox.possibleDuplicate', hint: 'outbox.possibleDuplicateHint' },
};

export function warningBadges(warnings: readonly WarningCode[]): { code: WarningCode; label: string; hint: string }[] {
  return [...new Set(warnings)].map((code) => ({ code, label: t(WARNING_KEYS[code].label), hint: t(WARNING_KEYS[code].hint) }));
}
