/**
 * EnumerateAndSubmitMessages: at start-up, before any submit is accepted, every
 * item a crash may have left behind is looked at again. An item that was being
 * sent goes back to the queue; if it had already been handed off (the final
 * dot may have reached the server) its resend is flagged as a possible duplicate.
 * A row that cannot be read or does not validate is set aside in quarantine,
 * never dropped, and the rest of the queue goes on.
 */
import { OutboxItemSchema, type OutboxItem, type OutboxState } from '../../../shared/model';
import { itemsInState, type MailDatabase, type QuarantineRow } from '../db/database';

export interface RecoveryReport {
  /** Items found undelivered: queued, deferred or interrupted while sending. */
  total: number;
  requeued: OutboxItem[];
  quarantined: QuarantineRow[];
}

const UNDELIVERED: readonly OutboxState[] = ['queued', 'deferred', 'sending'];

async function readUndelivered(db: MailDatabase, at: number): Promise<{ items: OutboxItem[]; setAside: QuarantineRow[] }> {
  const setAside: QuarantineRow[] = [];
  let rows: unknown[];
  try {
    rows = (await Promise.all(UNDELIVERED.map((state) => itemsInState(db, state).toArray()))).flat();
  } catch {
    // Some row cannot be read at all: read them one at a time so one bad row costs only itself.
    const keys = (await Promise.all(UNDELIVERED.map((state) => itemsInState(db, state).primaryKeys()))).flat();
    rows = [];
    for (const id of keys) {
      try {
        rows.push(await db.items.get(id));
      } catch (error) {
        setAside.push({ id, at, reason: `unreadable row: ${error instanceof Error ? error.message : String(error)}`, row: null });
      }
    }
  }
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
  const { items, setAside } = await readUndelivered(db, at);
  const requeued = items
    .filter((item) => item.state === 'sending')
    .map(
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
  return { total: items.length, requeued, quarantined: setAside };
}
