/** Which actions an outbox row offers; pure, so the rules are tested apart from the view. */
import { cancelState, type OutboxItem, type OutboxState } from '../../../shared/model';

/** Retry now sends a deferred or failed item back to the queue at once (the core's outbox.retry accepts only these). */
export const RETRYABLE_STATES: readonly OutboxState[] = ['deferred', 'failed'];

export function canRetry(item: Pick<OutboxItem, 'state'>): boolean {
  return RETRYABLE_STATES.includes(item.state);
}

export interface RowActions {
  cancel: boolean;
  retry: boolean;
}

export function rowActions(item: Pick<OutboxItem, 'state' | 'handedOffAt'>): RowActions {
  return { cancel: cancelState(item).possible, retry: canRetry(item) };
}
