/**
 * The desktop notification for new mail, in the window's language: one
 * message names its sender and subject; several are counted, the latest listed.
 * The body holds the senders' own words: main.ts escapes it for Linux markup.
 */
import { catalogues } from '../../../shared/i18n/catalogues';
import { fillPlaceholders, type Vars } from '../../../shared/i18n/fill';
import type { Language } from '../../../shared/i18n/language-logic';
import type { PlainKey } from '../../../shared/i18n/types';
import type { NewMail } from '../../../shared/mail-model';
import type { DesktopNotice } from './desktop-notice';

export function newMailNotice(mail: NewMail, language: Language = 'en'): DesktopNotice {
  const text = (key: PlainKey, vars: Vars = {}) => fillPlaceholders(catalogues[language][key], vars);
  const senderOf = (m: NewMail['latest'][number]) => m.from?.name || m.from?.address || text('newMail.unknownSender');
  const subjectOf = (m: NewMail['latest'][number]) => m.subject || text('outbox.noSubject');
  const [first] = mail.latest;
  if (mail.count === 1 && first) return { title: text('newMail.from', { sender: senderOf(first) }), body: subjectOf(first) };
  return {
    title: text('newMail.count', { count: mail.count }),
    body: mail.latest.map((m) => `${senderOf(m)}: ${subjectOf(m)}`).join('\n'),
  };
}
