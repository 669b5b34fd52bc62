/**
 * The selected message: its state, why it failed or waits, each recipient's
 * result in the server's words, the delivery receipts asked for, and the live
 * SMTP transcript. It follows the message wherever it moves (Outbox → Sent).
 */
import { formatDateTime, formatWhen, isoTime } from '../../format/time';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { useDraftsStore } from '../../store/drafts';
import { useOutboxStore } from '../../store/outbox';
import { DraftDetail } from '../drafts/DraftDetail';
import { StateBadge } from '../list/StateBadge';
import { WarningBadges } from '../mailbox/WarningBadges';
import { attemptsSentence, mailboxText, nextTryText, subjectText } from '../outbox/format';
import { UploadProgress } from '../outbox/UploadProgress';
import { TranscriptPanel } from '../transcript/TranscriptPanel';
import { Fact } from './Fact';
import { dsnText, errorHeadline } from './format';
import { MessageContent } from './MessageContent';
import { RecipientList } from './RecipientList';
import { SentCopyFact } from './SentCopyFact';

export function MessageDetail() {
  const { t } = useT();
  const selectedId = useOutboxStore((s) => s.selectedId);
  const item = useOutboxStore((s) => (s.detail?.id === s.selectedId ? s.detail : null));
  const draft = useDraftsStore((s) => (item ? undefined : s.drafts.find((d) => d.id === selectedId)));
  if (draft) return <DraftDetail draft={draft} />;

  if (!item) {
    return (
      <section className="detail-pane" aria-label={t('detail.label')}>
        <p className="detail-empty">{t('detail.none')}</p>
      </section>
    );
  }

  const now = Date.now();
  const waiting = item.state === 'queued' || item.state === 'deferred';
  const noDsn = item.warnings.includes('NO_DSN_SUPPORT');
  return (
    <section className="detail-pane" aria-label={t('detail.label')}>
      <header className="detail-head">
        <h3 id="detail-subject" className="detail-subject">{subjectText(item.subject)}</h3>
        <StateBadge state={item.state} live />
        <WarningBadges warnings={item.warnings} />
      </header>
      {item.state === 'sending' && <UploadProgress itemId={item.id} />}
      {item.error && (
        <div className={`detail-error${item.state === 'deferred' ? ' is-transient' : ''}`}>
          <p className="detail-error-title">{errorHeadline(item.error.code, item.state === 'deferred')}</p>
          <p className="detail-error-text">{errorText(item.error)}</p>
        </div>
      )}
      <div className="detail-body">
        {/* Scrolls on its own, so it takes focus to be scrolled by keyboard. Recipients first: who got the
            message is what this pane is opened for; the facts follow, two to a line where there is room. */}
        <div className="detail-info" tabIndex={0} role="group" aria-labelledby="detail-subject">
          <h4 className="detail-section">{t('detail.recipients')}</h4>
          <RecipientList recipients={item.recipients} results={item.state !== 'cancelled'} final={item.state === 'failed'} />

          <h4 className="detail-section">{t('detail.receipts')}</h4>
          <p className="detail-receipts">
            {dsnText(item.dsn)}
            {noDsn && <span className="detail-warning"> {t('outbox.noDsnHint')}</span>}
          </p>

          <dl className="facts message-facts">
            <Fact label={t('detail.from')}>{mailboxText(item.from)}</Fact>
            <Fact label={t('detail.created')}>
              <time dateTime={isoTime(item.createdAt)}>{formatDateTime(item.createdAt)}</time>
            </Fact>
            {item.sentAt !== null && (
              <Fact label={t('detail.sentAt')}>
                <time dateTime={isoTime(item.sentAt)}>{formatDateTime(item.sentAt)}</time>
              </Fact>
            )}
            <SentCopyFact item={item} />
            {item.state === 'cancelled' && (
              <Fact label={t('detail.cancelledAt')}>
                <time dateTime={isoTime(item.updatedAt)}>{formatWhen(item.updatedAt, now)}</time>
              </Fact>
            )}
            <Fact label={t('detail.attempts')}>{attemptsSentence(item)}</Fact>
            {waiting && <Fact label={t('detail.nextTry')}>{nextTryText(item, now)}</Fact>}
            <Fact label={t('detail.messageId')}>
              <span className="mono">{item.messageId}</span>
            </Fact>
          </dl>

          <MessageContent attachments={item.attachments} text={item.text} />
        </div>
        <TranscriptPanel />
      </div>
    </section>
  );
}
