/** The window follows each account's queue of mailbox actions as the core reports it. */
import type { MailApi } from '../../../shared/contract';
import { settle } from '../../app/settle';
import { useMailActionsStore } from '../../store/mail-actions';

export function connectMailActions(api: MailApi): () => void {
  const stop = api.on('mail:actions', (queue) => useMailActionsStore.getState().setQueue(queue));
  void settle(() => api.mail.actions({})).then((result) => {
    if (result.ok) for (const queue of result.value) useMailActionsStore.getState().setQueue(queue);
  });
  return stop;
}
