/**
 * EnumerateAndSubmitMessages: at start-up, before any submit is accepted, every
 * item a crash may have left behind is looked at again. An item that was being
 * sent goes back to the queue; if it had already been handed off (the final
 * dot may have reached the server) its resend is flagged as a possible duplicate.
 */
import type { OutboxItem } from '../../../shared/model';
import { itemsInState, type MailDatabase } from '../db/database';

export interface RecoveryReport {
  /** Items found undelivered: queued, deferred or interrupted while sending. */
  total: number;
  requeued: OutboxItem[];
}

export async function recoverOutbox(db: MailDatabase, now: () => number = Date.now): Promise<RecoveryReport> {
  return db.transaction('rw', db.items, async () => {
    const interrupted = await itemsInState(db, 'sending').toArray();
    const waiting = (await itemsInState(db, 'queued').count()) + (await itemsInState(db, 'deferred').count());
    const at = now();
    const requeued = interrupted.map(
      (item): OutboxItem => ({
        ...item,
        state: 'queued',
        notBefore: Math.min(item.notBefore, at),
        handedOffAt: null,
        warnings: item.handedOffAt !== null && !item.warnings.includes('POSSIBLE_DUPLICATE') ? [...item.warnings, 'POSSIBLE_DUPLICATE'] : item.warnings,
        updatedAt: at,
      }),
    );
    await db.items.bulkPut(requeued);
    return { total: interrupted.length + waiting, requeued };
  });
}
