/**
 * A message taken out of the queue (Edit, Undo) lives on as a draft, then as
 * the message sent in its place: the cancelled or failed original is then
 * deleted, so Drafts and the Outbox do not show it twice. Should the core
 * refuse, the original is hidden in this window instead (superseded.ts).
 */
import type { MailApi } from '../../../shared/contract';
import { settle } from '../../app/settle';
import { useComposeStore } from '../../store/compose';
import { useOutboxStore } from '../../store/outbox';
import { useSupersededStore } from '../../store/superseded';

export async function retireSource(api: MailApi, sourceId: string): Promise<void> {
  const result = await settle(() => api.outbox.delete({ id: sourceId }));
  if (result.ok) useOutboxStore.getState().remove(sourceId);
  else useSupersededStore.getState().supersede(sourceId);
  useComposeStore.getState().sourceReplaced(sourceId);
}
