/**
 * Cancel asks the core to abort the submit. The item's new state arrives as an
 * outbox:changed event as well; the direct answer is applied too so the row
 * updates even if the event is slow.
 */
import type { MailApi } from '../../../shared/contract';
import { settle } from '../../app/settle';
import { t } from '../../i18n/t';
import { useOutboxStore } from '../../store/outbox';

export async function cancelItem(api: MailApi, id: string): Promise<boolean> {
  const store = useOutboxStore.getState();
  if (store.cancelling[id]) return false;
  store.setCancelling(id, true);
  store.setCancelError(id, null);
  const result = await settle(() => api.outbox.abort({ id }));
  const after = useOutboxStore.getState();
  after.setCancelling(id, false);
  if (result.ok) {
    after.upsert(result.value);
    return true;
  }
  after.setCancelError(id, t('outbox.cancelFailed', { message: result.error.message }));
  return false;
}
