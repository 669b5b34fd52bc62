/**
 * Attach files: a button opening the system picker (the file input itself is
 * hidden), the list of files with their sizes and a Remove button each, and
 * why a file was refused. Dropping files anywhere on Compose does the same
 * (see ComposeDialog).
 */
import { useRef } from 'react';
import { formatSize } from '../../format/number';
import { useT } from '../../i18n/use-t';
import { totalSize } from '../../store/attachment-logic';
import { useComposeStore } from '../../store/compose';
import { Icon } from '../icons/Icon';
import { attachFiles } from './read-files';

export function AttachmentsField() {
  const { t, tPlural } = useT();
  const attachments = useComposeStore((s) => s.attachments);
  const reading = useComposeStore((s) => s.reading);
  const attachError = useComposeStore((s) => s.attachError);
  const remove = useComposeStore((s) => s.removeAttachment);
  const inputRef = useRef<HTMLInputElement>(null);

  return (
    <div className="compose-attachments">
      <div className="attachments-bar">
        <button type="button" className="quiet attach-button" onClick={() => inputRef.current?.click()}>
          <Icon name="attach" />
          {t('compose.attach')}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            void attachFiles([...(e.currentTarget.files ?? [])]);
            // The same file can be chosen again after being removed.
            e.currentTarget.value = '';
          }}
        />
        <span className="field-hint" aria-live="polite">
          {reading > 0
            ? t('compose.reading')
            : attachments.length > 0
              ? tPlural('compose.attachmentsTotal', attachments.length, { size: formatSize(totalSize(attachments)) })
              : ''}
        </span>
      </div>
      {attachments.length > 0 && (
        <ul className="attachment-chips" aria-label={t('compose.attachments')}>
          {attachments.map((a) => (
            <li key={a.key} className="attachment-chip">
              <span className="attachment-name">{a.name}</span>{' '}
              <span className="attachment-size">{formatSize(a.size)}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('compose.removeAttachment', { name: a.name })}
                title={t('compose.removeAttachment', { name: a.name })}
                onClick={() => remove(a.key)}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {attachError && (
        <p role="alert" className="field-error">
          {attachError}
        </p>
      )}
    </div>
  );
}
