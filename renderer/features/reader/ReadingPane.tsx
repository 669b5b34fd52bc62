/** The open message: its headers, the remote-content bar, problems, attachments, then the body (HTML in its frame, or text). */
import { useState } from 'react';
import type { MessageDetail } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { formatDateTime } from '../../format/time';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { useReaderStore } from '../../store/reader';
import { AttachmentList } from './AttachmentList';
import { LinkDialog } from './LinkDialog';
import { mailboxText } from './mailbox-text';
import { MessageFrame } from './MessageFrame';
import { MessageToolbar } from './MessageToolbar';
import { PlainText } from './PlainText';
import { allowRemoteContent } from './reader-actions';
import { ReceiptRequestBar } from '../read-receipts/ReceiptRequestBar';

function RemoteContentBar({ message }: { message: MessageDetail }) {
  const { t } = useT();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  if (!message.hasRemoteContent || message.remoteContentAllowed) return null;
  const allow = async (scope: 'message' | 'sender') => {
    const failure = await allowRemoteContent(api, message, scope);
    setError(failure ? t('reader.remoteFailed', { message: failure }) : null);
  };
  return (
    <div className="remote-bar" role="status">
      <span>{t('reader.remoteBlocked')}</span>
      <span className="remote-actions">
        <button type="button" className="small" onClick={() => void allow('message')}>
          {t('reader.loadImages')}
        </button>
        <button type="button" className="small" onClick={() => void allow('sender')}>
          {t('reader.alwaysSender')}
        </button>
      </span>
      {error && <span className="panel-error">{error}</span>}
    </div>
  );
}

function Headers({ message }: { message: MessageDetail }) {
  const { t } = useT();
  const rows: [string, string][] = [
    [t('reader.from'), message.from ? mailboxText(message.from) : t('reader.noSender')],
    [t('reader.to'), message.to.map(mailboxText).join(', ')],
    ...(message.cc.length ? [[t('reader.cc'), message.cc.map(mailboxText).join(', ')] as [string, string]] : []),
    [t('reader.date'), formatDateTime(message.date)],
  ];
  return (
    <dl className="message-headers">
      {rows.map(([name, value]) => (
        <div key={name} className="message-header">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Body({ message, onLink }: { message: MessageDetail; onLink(href: string, text: string): void }) {
  const { t } = useT();
  if (message.html !== null) return <MessageFrame message={{ ...message, html: message.html }} onLink={onLink} />;
  if (message.text) return <PlainText text={message.text} onLink={onLink} />;
  return <p className="muted reading-note">{t('reader.noText')}</p>;
}

export function ReadingPane() {
  const { t } = useT();
  const open = useReaderStore((s) => s.open);
  const [link, setLink] = useState<{ href: string; text: string } | null>(null);
  const message = open?.message ?? null;
  return (
    <section className="reading-pane" aria-labelledby={message ? 'message-subject' : undefined} aria-label={message ? undefined : t('reader.frameTitle')}>
      {!open && <p className="muted reading-note">{t('reader.selectPrompt')}</p>}
      {open && !message && !open.error && <p className="muted reading-note" role="status">{t('reader.opening')}</p>}
      {open?.error && <p className="panel-error reading-note" role="alert">{t('reader.openFailed', { message: open.error })}</p>}
      {message && (
        <>
          <header className="message-head">
            <h3 id="message-subject" className="message-subject">
              {message.subject || t('reader.noSubject')}
            </h3>
            <Headers message={message} />
            <MessageToolbar message={message} />
          </header>
          {message.problem && <p className="panel-error reading-note">{t('reader.problem', { message: errorText({ message: '', reason: message.problem }) })}</p>}
          <RemoteContentBar message={message} />
          <ReceiptRequestBar message={message} />
          <AttachmentList message={message} />
          <div className="message-body" data-message-id={message.id}>
            <Body message={message} onLink={(href, text) => setLink({ href, text })} />
          </div>
        </>
      )}
      {link && <LinkDialog href={link.href} text={link.text} onClose={() => setLink(null)} />}
    </section>
  );
}
