/** Column headers of each mailbox list (shown, but hidden from screen readers: each cell names itself where needed). */
import { t } from '../../i18n/t';
import type { Mailbox } from '../../store/mailbox-logic';

const COLUMNS = {
  outbox: ['column.recipients', 'column.subject', 'column.state', 'column.attempts', 'column.nextTry', 'column.lastReply', 'column.actions'],
  sent: ['column.recipients', 'column.subject', 'column.sentAt', 'column.delivery', 'column.receipts', 'column.actions'],
  drafts: ['column.recipients', 'column.subject', 'column.state', 'column.changedAt', 'column.actions'],
} as const;

export function ColumnHeader({ mailbox }: { mailbox: Mailbox }) {
  return (
    <>
      {COLUMNS[mailbox].map((key) => (
        <span key={key} className={`col col-${key.slice('column.'.length)}`}>
          {t(key)}
        </span>
      ))}
    </>
  );
}
