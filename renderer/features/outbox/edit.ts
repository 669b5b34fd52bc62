/**
 * Edit (and Undo): after submit the renderer holds no editable copy, so a
 * waiting message is first taken out of the queue (abort: it becomes a
 * cancelled draft, intact), then Compose opens filled from it — attachments,
 * rich text, account and receipts included. It is saved as a draft at once
 * (the cancelled copy then goes); sending the edited version replaces it.
 */
import type { MailApi } from '../../../shared/contract';
import type { OutboxItem } from '../../../shared/model';
import { t } from '../../i18n/t';
import { useAlertsStore } from '../../store/alerts';
import { useComposeStore } from '../../store/compose';
import { messageFromItem } from '../../store/draft-logic';
import { findItem, useOutboxStore } from '../../store/outbox';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { settleDrafts } from '../compose/autosave';
import { subjectText } from './format';
import { editPlan } from './row-logic';
import { runAction } from './run-action';

export async function editItem(api: MailApi, id: string): Promise<boolean> {
  const item = findItem(useOutboxStore.getState(), id);
  if (!item) return false;
  const plan = editPlan(item);
  if (plan.kind === 'blocked') {
    useAlertsStore.getState().push({ kind: 'error', text: t('outbox.editFailed', { subject: subjectText(item.subject), message: plan.reason }) });
    return false;
  }
  let editable: OutboxItem;
  if (plan.kind === 'abort') {
    const aborted = await runAction(id, 'edit', 'outbox.editFailed', () => api.outbox.abort({ id }));
    if (!aborted) return false;
    editable = aborted;
  } else {
    // The list holds summaries: the body comes whole from the core, unless the details pane has it.
    const open = useOutboxStore.getState().detail;
    const whole = open?.id === id ? { ok: true as const, value: open } : await settle(() => api.outbox.get({ id }));
    if (!whole.ok) {
      useAlertsStore.getState().push({ kind: 'error', text: t('outbox.editFailed', { subject: subjectText(item.subject), message: errorText(whole.error) }) });
      return false;
    }
    editable = whole.value;
  }
  useAlertsStore.getState().dismissQueued(id);
  // What Compose held before was saved as a draft when it closed.
  await settleDrafts();
  useComposeStore.getState().load(messageFromItem(editable), { origin: 'queued', sourceId: editable.id, saved: false });
  return true;
}
