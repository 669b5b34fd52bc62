/**
 * Edit (and Undo): after submit the renderer holds no editable copy, so a
 * waiting message is first taken out of the queue (abort: it becomes a
 * cancelled draft, intact), then Compose opens filled from it — attachments,
 * rich text, account and receipts included. It is saved as a draft at once
 * (the cancelled copy then goes); sending the edited version replaces it.
 */
import type { MailApi } from '../../../shared/contract';
import { t } from '../../i18n/t';
import { useAlertsStore } from '../../store/alerts';
import { useComposeStore } from '../../store/compose';
import { messageFromItem } from '../../store/draft-logic';
import { useOutboxStore } from '../../store/outbox';
import { settleDrafts } from '../compose/autosave';
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
  // What Compose held before was saved as a draft when it closed.
  await settleDrafts();
  useComposeStore.getState().load(messageFromItem(editable), { origin: 'queued', sourceId: editable.id, saved: false });
  return true;
}
