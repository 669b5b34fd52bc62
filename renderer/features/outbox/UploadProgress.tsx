/**
 * Bytes handed to the server so far while the message's DATA is sent
 * (smtp:progress): a progressbar with the figures as its value text. Compact
 * in a row (just the bar), with the figures in the details pane.
 */
import { formatSize } from '../../format/number';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';

export function UploadProgress({ itemId, compact = false }: { itemId: string; compact?: boolean }) {
  const { t } = useT();
  const progress = useOutboxStore((s) => s.progress[itemId]);
  if (!progress || progress.total <= 0) return null;
  const sent = Math.min(progress.sent, progress.total);
  const text = t('outbox.progress', { sent: formatSize(sent), total: formatSize(progress.total) });
  return (
    <div className={`upload-progress${compact ? ' is-compact' : ''}`}>
      <div
        role="progressbar"
        className="progress-track"
        aria-label={t('outbox.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={sent}
        aria-valuetext={text}
        title={text}
      >
        <div className="progress-fill" style={{ width: `${(100 * sent) / progress.total}%` }} />
      </div>
      {!compact && <span className="progress-text">{text}</span>}
    </div>
  );
}
