/** One row of the message list: sender and date, subject and the first words; unread, starred, attachment and conversation marks; the folder in search results. */
import { memo } from 'react';
import type { MessageSummary } from '../../../shared/mail-model';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { Icon } from '../icons/Icon';
import { mailboxShort } from './mailbox-text';

interface Props {
  row: MessageSummary;
  /** Shown in search results, which span folders. */
  folderName: string | null;
  now: number;
}

function MessageRowImpl({ row, folderName, now }: Props) {
  const { t, tPlural } = useT();
  const unread = !row.flags.seen;
  return (
    <div className={`mrow${unread ? ' is-unread' : ''}`}>
      <span className="mrow-from">
        {unread && <span className="unread-dot" role="img" aria-label={t('reader.isUnread')} />}
        {mailboxShort(row.from) ?? t('reader.noSender')}
      </span>
      <span className="mrow-marks">
        {row.threadSize > 1 && (
          <span className="thread-count" title={tPlural('reader.thread', row.threadSize)}>
            {row.threadSize}
            <span className="visually-hidden">{tPlural('reader.thread', row.threadSize)}</span>
          </span>
        )}
        {row.hasAttachments && (
          <span className="mark" role="img" aria-label={t('reader.hasAttachments')}>
            <Icon name="attach" />
          </span>
        )}
        {row.flags.flagged && (
          <span className="mark flagged" role="img" aria-label={t('reader.isFlagged')}>
            ★
          </span>
        )}
        <time className="mrow-date" dateTime={new Date(row.date).toISOString()}>
          {formatWhen(row.date, now)}
        </time>
      </span>
      <span className="mrow-subject">
        {row.subject || t('reader.noSubject')}
        {row.preview && <span className="mrow-preview"> — {row.preview}</span>}
      </span>
      {folderName && <span className="mrow-folder">{t('reader.inFolder', { folder: folderName })}</span>}
    </div>
  );
}

export const MessageRow = memo(MessageRowImpl);
