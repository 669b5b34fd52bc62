/** The message's attachments (not the inline images the HTML shows), each with Save. */
import { useState } from 'react';
import type { MessageDetail } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { formatSize } from '../../format/number';
import { useT } from '../../i18n/use-t';
import { Icon } from '../icons/Icon';
import { saveAttachment } from './reader-actions';

export function AttachmentList({ message }: { message: MessageDetail }) {
  const { t } = useT();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const shown = message.attachments.filter((a) => !a.inline || a.contentId === null);
  if (shown.length === 0) return null;
  const save = async (partId: string) => {
    const failure = await saveAttachment(api, message.id, partId);
    setError(failure ? t('reader.saveFailed', { message: failure }) : null);
  };
  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h4 id="attachments-title" className="visually-hidden">
        {t('reader.attachments')}
      </h4>
      <ul className="attachment-list">
        {shown.map((a) => (
          <li key={a.partId} className="attachment">
            <Icon name="attach" />
            <span className="attachment-name">{a.name}</span>
            <span className="attachment-size muted">{formatSize(a.size)}</span>
            <button type="button" className="small" aria-label={t('reader.saveNamed', { name: a.name })} onClick={() => void save(a.partId)}>
              {t('reader.save')}
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="panel-error" role="alert">{error}</p>}
    </section>
  );
}
