/** Which actions a row offers, and why one is not available; pure, so the rules are tested apart from the view. */
import { cancelState, type OutboxItem, type OutboxState } from '../../../shared/model';
import { t, type MessageKey } from '../../i18n/t';

/** Retry now sends a deferred or failed item back to the queue at once (the core's outbox.retry accepts only these). */
export const RETRYABLE_STATES: readonly OutboxState[] = ['deferred', 'failed'];

export function canRetry(item: Pick<OutboxItem, 'state'>): boolean {
  return RETRYABLE_STATES.includes(item.state);
}

export type Availability = { enabled: true } | { enabled: false; reason: string };

/** Why Cancel cannot stop the send, by state (the core's cancelState decides whether it can). */
const CANCEL_BLOCKED: Readonly<Record<OutboxState, MessageKey>> = {
  queued: 'cancel.handedOff',
  sending: 'cancel.handedOff',
  deferred: 'cancel.handedOff',
  sent: 'cancel.sent',
  failed: 'cancel.failed',
  cancelled: 'cancel.cancelled',
};

export function cancelAvailability(item: Pick<OutboxItem, 'state' | 'handedOffAt'>): Availability {
  return cancelState(item).possible ? { enabled: true } : { enabled: false, reason: t(CANCEL_BLOCKED[item.state]) };
}

/**
 * Edit: a message still waiting is taken out of the queue first (abort), then
 * opened in Compose; a draft or a failure opens directly; a message the server
 * has (or is taking) cannot be changed any more.
 */
export type EditPlan = { kind: 'abort' } | { kind: 'open' } | { kind: 'blocked'; reason: string };

export function editPlan(item: Pick<OutboxItem, 'state' | 'handedOffAt'>): EditPlan {
  if (cancelState(item).possible) return { kind: 'abort' };
  if (item.state === 'cancelled' || item.state === 'failed') return { kind: 'open' };
  return { kind: 'blocked', reason: t(CANCEL_BLOCKED[item.state]) };
}

export interface RowActions {
  cancel: Availability;
  retry: boolean;
  edit: EditPlan;
}

export function rowActions(item: Pick<OutboxItem, 'state' | 'handedOffAt'>): RowActions {
  return { cancel: cancelAvailability(item), retry: canRetry(item), edit: editPlan(item) };
}
