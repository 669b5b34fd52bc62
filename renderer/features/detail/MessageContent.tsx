/** The attachments and the text of a message or a saved draft, as the details pane shows them. */
import type { OutboxItem } from '../../../shared/model';
import { useId } from 'react';
import { formatSize } from '../../format/number';
import { useT } from '../../i18n/use-t';

export function MessageContent({ attachments, text }: Pick<OutboxItem, 'attachments' | 'text'>) {
  const { t } = useT();
  const headingId = useId();
  return (
    <>
      {attachments.length > 0 && (
        <>
          <h4 className="detail-section">{t('detail.attachments')}</h4>
          <ul className="attachment-list">
            {attachments.map((a) => (
              <li key={a.sha256 + a.name}>{t('detail.attachment', { name: a.name, size: formatSize(a.size) })}</li>
            ))}
          </ul>
        </>
      )}
      {text.trim() !== '' && (
        <>
          <h4 id={headingId} className="detail-section">
            {t('compose.message')}
          </h4>
          {/* A long text scrolls in its box, so the box takes focus to be scrolled from the keyboard. */}
          <div className="detail-text" tabIndex={0} role="group" aria-labelledby={headingId}>
            {text}
          </div>
        </>
      )}
    </>
  );
}
