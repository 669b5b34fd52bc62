/** "Copy in Sent: …" on a sent message, with Retry when the copy failed. */
import type { OutboxItem } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { runAction } from '../outbox/run-action';
import { Fact } from './Fact';
import { sentCopyText } from './sent-copy-text';

export function SentCopyFact({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const api = useApi();
  const busy = useOutboxStore((s) => s.pending[item.id] === 'retrySentCopy');
  const copy = item.sentCopy;
  if (!copy || item.state !== 'sent') return null;
  return (
    <Fact label={t('detail.sentCopy')}>
      <span className={`sent-copy is-${copy.state}`} data-testid="sent-copy">
        {sentCopyText(copy)}
      </span>
      {copy.state === 'failed' && (
        <>
          {' · '}
          <button type="button" className="quiet small" disabled={busy} onClick={() => void runAction(item.id, 'retrySentCopy', 'detail.sentCopy.retryFailed', () => api.outbox.retrySentCopy({ id: item.id }))}>
            {t('detail.sentCopy.retry')}
          </button>
        </>
      )}
    </Fact>
  );
}
