/** New mail in the window: the in-app notice's words and the window title's Inbox count. */
import type { PlainKey } from '../../../shared/i18n/types';
import type { NewMail } from '../../../shared/mail-model';

type Text = (key: PlainKey, vars?: Record<string, string | number>) => string;

/** "New mail from Ada: Tea", or for several the count and the latest. */
export function newMailText(mail: NewMail, t: Text, count: (n: number) => string = String): string {
  const latest = mail.latest[0];
  const sender = latest?.from?.name || latest?.from?.address || t('newMail.unknownSender');
  const subject = latest?.subject || t('outbox.noSubject');
  return mail.count === 1 ? t('newMail.notice', { sender, subject }) : t('newMail.noticeMany', { count: count(mail.count), sender, subject });
}

/** "Inbox (3) — Outbox Mail" while Inbox mail is unread, else the app's name alone. */
export function windowTitle(unread: number, t: Text, count: (n: number) => string = String): string {
  if (unread <= 0) return t('app.title');
  return t('newMail.windowTitle', { folder: t('reader.role.inbox'), count: count(unread), app: t('app.title') });
}
