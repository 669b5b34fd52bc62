/** The outbox: a live view of the core's queue, newest first. */
import { useCallback } from 'react';
import { useApi } from '../../app/api-context';
import { t } from '../../i18n/t';
import { useOutboxStore } from '../../store/outbox';
import { cancelItem } from './cancel';
import { retryItem } from './retry';
import { OutboxRow } from './OutboxRow';

export function OutboxList() {
  const api = useApi();
  const items = useOutboxStore((s) => s.items);
  const selectedId = useOutboxStore((s) => s.selectedId);
  const loadError = useOutboxStore((s) => s.loadError);
  const cancelling = useOutboxStore((s) => s.cancelling);
  const cancelErrors = useOutboxStore((s) => s.cancelErrors);
  const retrying = useOutboxStore((s) => s.retrying);
  const retryErrors = useOutboxStore((s) => s.retryErrors);
  const select = useOutboxStore((s) => s.select);
  const onCancel = useCallback((id: string) => cancelItem(api, id), [api]);
  const onRetry = useCallback((id: string) => retryItem(api, id), [api]);

  const tabStopId = items.some((item) => item.id === selectedId) ? selectedId : items[0]?.id;

  return (
    <section className="panel outbox">
      <h2 className="panel-title">
        {t('outbox.title')}
      </h2>
      {loadError && <p className="panel-error">{loadError}</p>}
      {/* A literal aria-label (not aria-labelledby): e2e helpers find the list by [aria-label="Outbox"]. */}
      <ul className="outbox-list" aria-label={t('outbox.title')}>
        {items.map((item) => (
          <OutboxRow
            key={item.id}
            item={item}
            selected={item.id === selectedId}
            tabStop={item.id === tabStopId}
            cancelling={cancelling[item.id] === true}
            cancelError={cancelErrors[item.id]}
            retrying={retrying[item.id] === true}
            retryError={retryErrors[item.id]}
            onSelect={select}
            onCancel={onCancel}
            onRetry={onRetry}
          />
        ))}
      </ul>
      {items.length === 0 && !loadError && <p className="muted">{t('outbox.empty')}</p>}
    </section>
  );
}
