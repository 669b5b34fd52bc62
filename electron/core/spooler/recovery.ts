/**
 * EnumerateAndSubmitMessages: at start-up, before any submit is accepted, every
 * item a crash may have left behind is looked at again. An item that was being
 * sent goes back to the queue; if it had already been handed off (the final
 * dot may have reached the server) its resend is flagged as a possible duplicate.
 * Only interrupted sends are read here; waiting items are validated when the
 * spooler takes them, so start-up does not decode the whole queue. A row that
 * does not validate is set aside in quarantine, never dropped.
 */
import { OutboxItemSchema, type OutboxItem } from '../../../shared/model';
import { itemsInState, type MailDatabase, type QuarantineRow } from '../db/database';

export interface RecoveryReport {
  /** Items found undelivered: queued, deferred or interrupted while sending. */
  total: number;
  requeued: OutboxItem[];
  quarantined: QuarantineRow[];
}

async function readInterrupted(db: MailDatabase, at: number): Promise<{ items: OutboxItem[]; setAside: QuarantineRow[] }> {
  const setAside: QuarantineRow[] = [];
  const rows: unknown[] = await itemsInState(db, 'sending').toArray();
  const items: OutboxItem[] = [];
  for (const row of rows) {
    const parsed = OutboxItemSchema.safeParse(row);
    if (parsed.success) items.push(parsed.data);
    else {
      const id = String((row as { id?: unknown } | undefined)?.id ?? `unknown-${at}-${setAside.length}`);
      const reason = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      setAside.push({ id, at, reason: `invalid row: ${reason}`, row });
    }
  }
  return { items, setAside };
}

export async function recoverOutbox(db: MailDatabase, now: () => number = Date.now): Promise<RecoveryReport> {
  const at = now();
  // Reads first, outside the write: a failed read inside it would abort the whole transaction.
  const { items, setAside } = await readInterrupted(db, at);
  const waiting = (await itemsInState(db, 'queued').count()) + (await itemsInState(db, 'deferred').count());
  const requeued = items.map(
      (item): OutboxItem => ({
        ...item,
        state: 'queued',
        notBefore: Math.min(item.notBefore, at),
        handedOffAt: null,
        warnings: item.handedOffAt !== null && !item.warnings.includes('POSSIBLE_DUPLICATE') ? [...item.warnings, 'POSSIBLE_DUPLICATE'] : item.warnings,
        updatedAt: at,
      }),
    );
  await db.transaction('rw', db.items, db.quarantine, async () => {
    if (setAside.length) {
      await db.quarantine.bulkPut(setAside);
      await db.items.bulkDelete(setAside.map((q) => q.id));
    }
    await db.items.bulkPut(requeued);
  });
  return { total: waiting + items.length, requeued, quarantined: setAside };
}
