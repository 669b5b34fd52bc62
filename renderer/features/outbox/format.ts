/** Pure wording of an outbox row. */
import { formatMailbox } from '../../../shared/address';
import type { OutboxItem, OutboxState } from '../../../shared/model';
import type { WarningCode } from '../../../shared/errors';
import { t, tPlural, type MessageKey } from '../../i18n/t';
import { formatWhen } from '../../format/time';

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

/**
 * A deferred item: how many attempts it has used and when the next one is.
 * "Tried 2 times · next try at 10:42:17". An item waiting for an unreachable
 * server uses no attempt and is due already: it goes as soon as the server answers.
 */
export function deferredNote(item: Pick<OutboxItem, 'attempts' | 'notBefore'>, now: number, locale?: string): string {
  const attempts = item.attempts > 0 ? tPlural('outbox.tried', item.attempts) : t('outbox.notTried');
  const next = item.notBefore > now ? t('outbox.nextTryAt', { time: formatWhen(item.notBefore, now, locale) }) : t('outbox.nextTrySoon');
  return t('outbox.deferredNote', { attempts, next });
}

/** The one time worth showing for the item's state; the date is added when it is not today. */
export function timeNote(item: Pick<OutboxItem, 'state' | 'notBefore' | 'sentAt' | 'createdAt' | 'attempts'>, now: number, locale?: string): string {
  const when = (ms: number) => formatWhen(ms, now, locale);
  if (item.state === 'sent' && item.sentAt !== null) return t('outbox.sentAt', { time: when(item.sentAt) });
  if (item.state === 'deferred') return deferredNote(item, now, locale);
  if (item.state === 'queued' && item.notBefore > now) return t('outbox.heldUntil', { time: when(item.notBefore) });
  return t('outbox.createdAt', { time: when(item.createdAt) });
}

const WARNING_KEYS: Record<WarningCode, { label: MessageKey; hint: MessageKey }> = {
  NO_DSN_SUPPORT: { label: 'outbox.noDsn', hint: 'outbox.noDsnHint' },
  POSSIBLE_DUPLICATE: { label: 'outbox.possibleDuplicate', hint: 'outbox.possibleDuplicateHint' },
};

export function warningBadges(warnings: readonly WarningCode[]): { code: WarningCode; label: string; hint: string }[] {
  return [...new Set(warnings)].map((code) => ({ code, label: t(WARNING_KEYS[code].label), hint: t(WARNING_KEYS[code].hint) }));
}
