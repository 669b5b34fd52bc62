/**
 * The common shape of a row action: one at a time per item, the core's answer
 * applied at once (the outbox:changed event carries the same), and a failure
 * kept on screen, naming the message, until the user dismisses it.
 */
import type { Result } from '../../../shared/errors';
import type { OutboxItem } from '../../../shared/model';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { t, type MessageKey } from '../../i18n/t';
import { useAlertsStore } from '../../store/alerts';
import { findItem, useOutboxStore, type RowAction } from '../../store/outbox';
import { subjectText } from './format';

export async function runAction(
  id: string,
  action: RowAction,
  failedKey: MessageKey,
  call: () => Promise<Result<OutboxItem>>,
): Promise<OutboxItem | null> {
  const store = useOutboxStore.getState();
  if (store.pending[id]) return null;
  store.setPending(id, action);
  const result = await settle(call);
  const after = useOutboxStore.getState();
  after.setPending(id, null);
  if (result.ok) {
    after.upsert(result.value);
    return result.value;
  }
  const subject = subjectText(findItem(after, id)?.subject ?? '');
  useAlertsStore.getState().push({ kind: 'error', text: t(failedKey, { subject, message: errorText(result.error) }) });
  return null;
}
