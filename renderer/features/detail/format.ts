/** Pure wording of the details pane. */
import type { DsnRequest, Recipient } from '../../../shared/model';
import { dateLocale } from '../../i18n/i18n';
import { en } from '../../../shared/i18n/en';
import { t, type MessageKey } from '../../i18n/t';
import { replyText } from '../outbox/format';

const lists = new Map<string, Intl.ListFormat>();
function listFormat(locale: string): Intl.ListFormat {
  let format = lists.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    lists.set(locale, format);
  }
  return format;
}

/** "Requested: notify on success, failure and delay; return headers only." */
export function dsnText(dsn: DsnRequest, locale = dateLocale()): string {
  const ret = dsn.ret === 'full' ? t('dsn.retFull') : t('dsn.retHeaders');
  const events = (['success', 'failure', 'delay'] as const).filter((event) => dsn.notify[event]).map((event) => t(`dsn.${event}`));
  return events.length === 0 ? t('dsn.never', { ret }) : t('dsn.requested', { events: listFormat(locale).format(events), ret });
}

/** `final`: the message will not be tried again, so a recipient still pending was never sent to. */
export function resultWord(state: Recipient['state'], final = false): string {
  return final && state === 'pending' ? t('recipient.notTried') : t(`recipient.${state}`);
}

/** What the server said about this recipient at RCPT TO, or that it has not answered yet. */
export function recipientReply(recipient: Pick<Recipient, 'reply'>): string {
  return recipient.reply ? replyText(recipient.reply) : t('detail.noReply');
}

export function fieldName(field: Recipient['field']): string {
  return t(`detail.field.${field}`);
}

/**
 * A sentence in the user's language for an error code; the core's own message
 * follows it. A code this renderer does not know yet gets the generic one.
 */
export function errorHeadline(code: string, deferred = false): string {
  // A refusal that will be retried is not the same news as one that is final.
  if (deferred && code === 'SERVER_REJECTED') return t('errors.SERVER_REJECTED.deferred');
  const key = `errors.${code}`;
  return t(Object.prototype.hasOwnProperty.call(en, key) ? (key as MessageKey) : 'errors.INTERNAL');
}
