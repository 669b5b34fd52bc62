/**
 * Outbox items in the durable store. Every state change goes through
 * `transition`, which checks the current state inside the same transaction as
 * the write, so two actors (cancel and the spooler) cannot both win.
 */
import Dexie from 'dexie';
import { AppFailure } from '../../../shared/errors';
import type { OutboxItem, OutboxState } from '../../../shared/model';
import type { MailDatabase } from '../db/database';
import { durableWrite } from '../db/durable-write';

export type ItemPatch = Partial<Omit<OutboxItem, 'id' | 'messageId' | 'envid' | 'createdAt'>>;

export class OutboxRepository {
  constructor(
    readonly database: MailDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves only when the item is on disk; otherwise STORAGE_FAILED and nothing was queued. */
  async add(item: OutboxItem, fromDraft?: string): Promise<void> {
    await durableWrite(
      () =>
        // The draft leaves in the same write that queues the message: never both, never neither.
        this.database.transaction('rw', this.database.items, this.database.drafts, async () => {
          await this.database.items.add(item);
          if (fromDraft) await this.database.drafts.delete(fromDraft);
        }),
      async () => (await this.database.items.get(item.id)) !== undefined,
    );
  }

  /** Deletes an item in one of `states`, with its transcript. */
  async remove(id: string, states: readonly OutboxState[]): Promise<void> {
    await this.database.transaction('rw', this.database.items, this.database.transcript, async () => {
      const item = await this.database.items.get(id);
      if (!item) throw new AppFailure('NOT_FOUND', 'No such message in the outbox.');
      if (!states.includes(item.state)) throw new AppFailure('ILLEGAL_STATE', `The message is ${item.state}; cancel it before deleting it.`, { state: item.state });
      await this.database.items.delete(id);
      await this.database.transcript.where('[itemId+connectionId+seq]').between([id, Dexie.minKey, Dexie.minKey], [id, Dexie.maxKey, Dexie.maxKey], true, true).delete();
    });
  }

  /** Sets a row that does not validate aside, whole, and removes it from the outbox. */
  async quarantine(id: string, reason: string): Promise<void> {
    await this.database.transaction('rw', this.database.items, this.database.quarantine, async () => {
      const row = await this.database.items.get(id);
      await this.database.quarantine.put({ id, at: this.now(), reason, row: row ?? null });
      await this.database.items.delete(id);
    });
  }

  async get(id: string): Promise<OutboxItem> {
    const item = await this.database.items.get(id);
    if (!item) throw new AppFailure('NOT_FOUND', 'No such message in the outbox.');
    return item;
  }

  /** Newest first. */
  async list(): Promise<OutboxItem[]> {
    return this.database.items.orderBy('[createdAt+id]').reverse().toArray();
  }

  /** Each state is on disk before the step it permits: a transition whose write failed throws STORAGE_FAILED. */
  async transition(id: string, from: readonly OutboxState[], patch: ItemPatch | ((item: OutboxItem) => ItemPatch)): Promise<OutboxItem> {
    return durableWrite(
      () => this.writeTransition(id, from, patch),
      async (next) => {
        const stored = await this.database.items.get(id);
        return stored?.state === next.state && stored.updatedAt === next.updatedAt && stored.handedOffAt === next.handedOffAt;
      },
    );
  }

  private writeTransition(id: string, from: readonly OutboxState[], patch: ItemPatch | ((item: OutboxItem) => ItemPatch)): Promise<OutboxItem> {
    return this.database.transaction('rw', this.database.items, async () => {
      const item = await this.database.items.get(id);
      if (!item) throw new AppFailure('NOT_FOUND', 'No such message in the outbox.');
      if (!from.includes(item.state)) {
        throw new AppFailure('ILLEGAL_STATE', `The message is ${item.state}; this needs it to be ${from.join(' or ')}.`, { state: item.state });
      }
      const changes = typeof patch === 'function' ? patch(item) : patch;
      const next: OutboxItem = { ...item, ...changes, updatedAt: this.now() };
      await this.database.items.put(next);
      return next;
    });
  }
}
