/** Retry now asks the core to put a deferred or failed item back in the queue at once. */
import type { MailApi } from '../../../shared/contract';
import { runAction } from './run-action';

export async function retryItem(api: MailApi, id: string): Promise<boolean> {
  return (await runAction(id, 'retry', 'outbox.retryFailed', () => api.outbox.retry({ id }))) !== null;
}
