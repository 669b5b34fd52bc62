/** Cancel asks the core to abort the submit; the message goes back to Drafts, intact. */
import type { MailApi } from '../../../shared/contract';
import { runAction } from './run-action';

export async function cancelItem(api: MailApi, id: string): Promise<boolean> {
  return (await runAction(id, 'cancel', 'outbox.cancelFailed', () => api.outbox.abort({ id }))) !== null;
}
