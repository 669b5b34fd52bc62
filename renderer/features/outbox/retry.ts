/**
 * Retry now asks the core to put a deferred or failed item back in the queue
 * at once. As with Cancel, the answer is applied directly as well as through
 * the outbox:changed event.
 */
import type { MailApi } from '../../../shared/contract';
import { settle } from '../../app/settle';
import { t } from '../../i18n/t';
import { useOutboxStore } from '../../store/outbox';

export async function retryItem(api: MailApi, id: string): Promise<boolean> {
  const store = useOutboxStore.getState();
  if (store.retrying[id]) return false;
  store.setRetrying(id, true);
  store.setRetryError(id, null);
  const result = await settle(() => api.outbox.retry({ id }));
  const after = useOutboxStore.getState();
  after.setRetrying(id, false);
  if (result.ok) {
    after.upsert(result.value);
    return true;
  }
  after.setRetryError(id, t('outbox.retryFailed', { message: result.error.message }));
  return false;
}
