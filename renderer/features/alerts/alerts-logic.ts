/** Pure rules for the notes above the status bar. */
import type { OutboxSummary } from '../../../shared/model';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { recipientReply } from '../detail/format';
import { subjectText } from '../outbox/format';

/** A message that has just failed for good: the user is told at once, and the note stays until dismissed. */
export function failureText(before: OutboxSummary | undefined, after: OutboxSummary): string | null {
  if (after.state !== 'failed' || before?.state === 'failed') return null;
  const reason = after.error ? errorText(after.error) : t('errors.INTERNAL');
  return t('alerts.failed', { subject: subjectText(after.subject), reason });
}

/** A message that has just been sent but refused for some recipients: as loud as a failure, for those. */
export function partlyRefusedText(before: OutboxSummary | undefined, after: OutboxSummary): string | null {
  if (after.state !== 'sent' || before?.state === 'sent') return null;
  const refused = after.recipients.filter((r) => r.state === 'rejected');
  if (!refused.length) return null;
  return t('alerts.partlyRefused', { subject: subjectText(after.subject), refused: refused.map((r) => `${r.address} (${recipientReply(r)})`).join('; ') });
}

/** A delivery report says a recipient finally did not get the message: named, with the remote server's words. */
export function deliveryFailedText(before: OutboxSummary | undefined, after: OutboxSummary): string | null {
  const failedBefore = new Set(before?.recipients.filter((r) => r.delivery?.state === 'failed').map((r) => r.address));
  const failed = after.recipients.filter((r) => r.delivery?.state === 'failed' && !failedBefore.has(r.address));
  if (!failed.length) return null;
  const words = (r: (typeof failed)[number]) => {
    const last = [...r.delivery!.events].reverse().find((e) => e.state === 'failed');
    return [last?.status, last?.diagnostic].filter(Boolean).join(' ') || t('tracking.state.failed');
  };
  return t('alerts.deliveryFailed', { subject: subjectText(after.subject), failed: failed.map((r) => `${r.address} (${words(r)})`).join('; ') });
}

/**
 * Messages that ended badly (failed, or sent but refused for some) after `seenUntil`, found when
 * a window loads the outbox: they ended while no window was open, so nobody was told yet.
 */
export function missedEndsText(items: readonly OutboxSummary[], seenUntil: number): string | null {
  const texts = items.filter((item) => item.updatedAt > seenUntil).flatMap((item) => failureText(undefined, item) ?? partlyRefusedText(undefined, item) ?? []);
  if (!texts.length) return null;
  // A note, not a list: a long run of failures would push the lists off the window. Outbox shows them all.
  const shown = texts.slice(0, MISSED_SHOWN).join(' · ');
  return texts.length > MISSED_SHOWN ? t('alerts.missedEndsMore', { list: shown, count: texts.length - MISSED_SHOWN }) : t('alerts.missedEnds', { list: shown });
}

/** How many of the messages that ended badly while no window was open the note names. */
const MISSED_SHOWN = 3;

/** A scheduled message's note does not count down hours; it goes after this long. */
export const SCHEDULED_NOTE_MS = 10_000;
/** Longer than the biggest undo delay (60 s): a hold this long is a Send-later time. */
const COUNTDOWN_LIMIT_S = 60;

export type QueuedNote = { visible: false } | { visible: true; secondsLeft: number | null };

/**
 * The "Message queued … Undo" note shows while Undo can still take the
 * message back before it leaves: the item is queued and held.
 */
export function queuedNote(item: Pick<OutboxSummary, 'state' | 'notBefore'> | undefined, now: number, shownAt: number): QueuedNote {
  if (!item || item.state !== 'queued' || item.notBefore <= now) return { visible: false };
  const secondsLeft = Math.ceil((item.notBefore - now) / 1000);
  if (secondsLeft <= COUNTDOWN_LIMIT_S) return { visible: true, secondsLeft };
  return now - shownAt < SCHEDULED_NOTE_MS ? { visible: true, secondsLeft: null } : { visible: false };
}
