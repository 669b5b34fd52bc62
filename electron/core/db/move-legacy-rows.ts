/**
 * Earlier versions kept outbox items, drafts, transcripts and quarantined rows
 * in the IndexedDB store. At start they move to the outbox store: copied in
 * one durable write, and only then removed from IndexedDB, so a crash in
 * between leaves two copies (the next start copies again, harmlessly), never none.
 */
import type { Draft, OutboxItem, TranscriptEntry } from '../../../shared/model';
import type { MailDatabase } from './database';
import type { MailStore } from './mail-store';

export async function moveLegacyRows(db: MailDatabase, store: MailStore): Promise<number> {
  const [items, drafts, lines, quarantined] = await Promise.all([db.items.toArray(), db.drafts.toArray(), db.transcript.toArray(), db.quarantine.toArray()]);
  const moved = items.length + drafts.length + lines.length + quarantined.length;
  if (!moved) return 0;
  await store.commit.write(() => {
    // What the outbox store already has is newer than its old copy.
    for (const item of items as OutboxItem[]) if (!store.getItem(item.id)) store.putItem(item);
    for (const draft of drafts as Draft[]) if (!store.getDraft(draft.id)) store.putDraft(draft);
    store.addLines(lines as TranscriptEntry[]);
    for (const row of quarantined) store.putQuarantine(row);
  });
  await db.transaction('rw', [db.items, db.drafts, db.transcript, db.quarantine], async () => {
    await Promise.all([db.items.clear(), db.drafts.clear(), db.transcript.clear(), db.quarantine.clear()]);
  });
  return moved;
}
