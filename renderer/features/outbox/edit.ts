/**
 * Edit (and Undo): after submit the renderer holds no editable copy, so a
 * waiting message is first taken out of the queue (abort: it becomes a
 * cancelled draft, intact), then Compose opens filled from it. Sending the
 * edited version replaces the draft.
 */
import type { MailApi } from '../../../shared/contract';
import { t } from '../../i18n/t';
import { useAlertsStore } from '../../store/alerts';
import { useComposeStore } from '../../store/compose';
import { useOutboxStore } from '../../store/outbox';
import { subjectText } from './format';
import { editPlan } from './row-logic';
import { runAction } from './run-action';

export async function editItem(api: MailApi, id: string): Promise<boolean> {
  const item = useOutboxStore.getState().items.find((i) => i.id === id);
  if (!item) return false;
  const plan = editPlan(item);
  if (plan.kind === 'blocked') {
    useAlertsStore.getState().push({ kind: 'error', text: t('outbox.editFailed', { subject: subjectText(item.subject), message: plan.reason }) });
    return false;
  }
  let editable = item;
  if (plan.kind === 'abort') {
    const aborted = await runAction(id, 'edit', 'outbox.editFailed', () => api.outbox.abort({ id }));
    if (!aborted) return false;
    editable = aborted;
  }
  useAlertsStore.getState().dismissQueued(id);
  useComposeStore.getState().openFrom(editable);
  return true;
}
