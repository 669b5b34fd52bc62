/**
 * Attach files: a button opening the system picker (the file input itself is
 * hidden), the list of files with their sizes and a Remove button each, why a
 * file was refused, and a warning when the message is bigger than the
 * account's server accepts. Dropping files anywhere on Compose does the same
 * (see ComposeDialog).
 */
import { useMemo, useRef } from 'react';
import { useApi } from '../../app/api-context';
import { formatSize } from '../../format/number';
import { useT } from '../../i18n/use-t';
import { totalSize } from '../../store/attachment-logic';
import { useComposeStore } from '../../store/compose';
import { Icon } from '../icons/Icon';
import { attachFiles } from './read-files';
import { estimatedMessageSize, sizeWarning } from './size-logic';

/** `serverLimit`: the SIZE the account's server announced at its last test (undefined: never tested). */
export function AttachmentsField({ serverLimit }: { serverLimit: number | null | undefined }) {
  const { t, tPlural } = useT();
  const api = useApi();
  const text = useComposeStore((s) => s.fields.text);
  const html = useComposeStore((s) => s.fields.html);
  const attachments = useComposeStore((s) => s.attachments);
  const reading = useComposeStore((s) => s.reading);
  const upload = useComposeStore((s) => s.upload);
  const attachError = useComposeStore((s) => s.attachError);
  const remove = useComposeStore((s) => s.removeAttachment);
  const inputRef = useRef<HTMLInputElement>(null);
  const warning = useMemo(
    () => (attachments.length === 0 ? null : sizeWarning(estimatedMessageSize({ text, html }, attachments.map((a) => a.size)), serverLimit)),
    [attachments, text, html, serverLimit],
  );

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
            void attachFiles(api, [...(e.currentTarget.files ?? [])]);
            // The same file can be chosen again after being removed.
            e.currentTarget.value = '';
          }}
        />
        <span className="field-hint" aria-live="polite">
          {reading > 0
            ? upload
              ? t('compose.uploading', { sent: formatSize(upload.sent), total: formatSize(upload.total) })
              : t('compose.reading')
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
      {warning && (
        <p className="field-warning" role="status">
          {warning}
        </p>
      )}
      {attachError && (
        <p role="alert" className="field-error">
          {attachError}
        </p>
      )}
    </div>
  );
}
