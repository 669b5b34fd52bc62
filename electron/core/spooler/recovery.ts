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
import type { MailStore, QuarantineRow } from '../db/mail-store';

export interface RecoveryReport {
  /** Items found undelivered: queued, deferred or interrupted while sending. */
  total: number;
  requeued: OutboxItem[];
  quarantined: QuarantineRow[];
}

export async function recoverOutbox(store: MailStore, now: () => number = Date.now): Promise<RecoveryReport> {
  const at = now();
  const quarantined: QuarantineRow[] = store.setAsideUndecodable(at);
  const interrupted: OutboxItem[] = [];
  for (const row of store.itemsInState('sending')) {
    const parsed = OutboxItemSchema.safeParse(row);
    if (parsed.success) interrupted.push(parsed.data);
    else {
      const id = String((row as { id?: unknown } | undefined)?.id ?? `unknown-${at}-${quarantined.length}`);
      const reason = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      quarantined.push({ id, at, reason: `invalid row: ${reason}`, row });
    }
  }
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
  const invalid = quarantined.filter((q) => q.reason.startsWith('invalid row'));
  await store.commit.write(() => {
    for (const row of invalid) {
      store.putQuarantine(row);
      store.deleteItem(row.id);
    }
    for (const item of requeued) store.putItem(item);
  });
  return { total: store.countInStates(['queued', 'deferred']), requeued, quarantined };
}
