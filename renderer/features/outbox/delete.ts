/**
 * Delete a sent, failed or cancelled message, after asking. Messages still
 * waiting are cancelled first (the core refuses with ILLEGAL_STATE).
 */
import type { MailApi } from '../../../shared/contract';
import type { OutboxItem, OutboxState } from '../../../shared/model';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { useAlertsStore } from '../../store/alerts';
import { askConfirm } from '../../store/confirm';
import { findItem, useOutboxStore } from '../../store/outbox';
import { subjectText } from './format';

export const DELETABLE_STATES: readonly OutboxState[] = ['sent', 'failed', 'cancelled'];

export const canDelete = (item: Pick<OutboxItem, 'state'>): boolean => DELETABLE_STATES.includes(item.state);

export async function deleteItem(api: MailApi, id: string): Promise<boolean> {
  const store = useOutboxStore.getState();
  const item = findItem(store, id);
  if (!item || store.pending[id]) return false;
  const subject = subjectText(item.subject);
  const yes = await askConfirm({
    title: t('outbox.deleteTitle'),
    body: item.state === 'sent' ? t('outbox.deleteSentBody', { subject }) : t('outbox.deleteBody', { subject }),
    confirmLabel: t('outbox.deleteConfirm'),
    danger: true,
  });
  if (!yes) return false;
  useOutboxStore.getState().setPending(id, 'delete');
  const result = await settle(() => api.outbox.delete({ id }));
  useOutboxStore.getState().setPending(id, null);
  if (!result.ok) {
    useAlertsStore.getState().push({ kind: 'error', text: t('outbox.deleteFailed', { subject, message: errorText(result.error) }) });
    return false;
  }
  useOutboxStore.getState().remove(id);
  return true;
}
