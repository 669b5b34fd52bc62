/**
 * Outbox items in the durable store. Every state change goes through
 * `transition`, which checks the current state inside the same transaction as
 * the write, so two actors (cancel and the spooler) cannot both win.
 */
import { AppFailure } from '../../../shared/errors';
import type { OutboxItem, OutboxState } from '../../../shared/model';
import { itemsInState, type MailDatabase } from '../db/database';
import { durableWrite } from '../db/durable-write';

const WAITING = ['queued', 'deferred'] as const;

export type ItemPatch = Partial<Omit<OutboxItem, 'id' | 'messageId' | 'envid' | 'createdAt'>>;

export class OutboxRepository {
  constructor(
    private readonly db: MailDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves only when the item is on disk; otherwise STORAGE_FAILED and nothing was queued. */
  async add(item: OutboxItem): Promise<void> {
    await durableWrite(
      () => this.db.transaction('rw', this.db.items, () => this.db.items.add(item)),
      async () => (await this.db.items.get(item.id)) !== undefined,
    );
  }

  async get(id: string): Promise<OutboxItem> {
    const item = await this.db.items.get(id);
    if (!item) throw new AppFailure('NOT_FOUND', 'No such message in the outbox.');
    return item;
  }

  /** Newest first. */
  async list(): Promise<OutboxItem[]> {
    return this.db.items.orderBy('[createdAt+id]').reverse().toArray();
  }

  /** Items the spooler may take now, oldest due first. */
  async due(now: number, limit: number): Promise<OutboxItem[]> {
    const [queued, deferred] = await Promise.all(WAITING.map((state) => itemsInState(this.db, state, now).limit(limit).toArray()));
    return [...(queued ?? []), ...(deferred ?? [])].sort((a, b) => a.notBefore - b.notBefore || a.createdAt - b.createdAt).slice(0, limit);
  }

  /** When the next waiting item becomes due, if any. */
  async nextDueAt(): Promise<number | null> {
    const firsts = await Promise.all(WAITING.map((state) => itemsInState(this.db, state).first()));
    const times = firsts.flatMap((item) => (item ? [item.notBefore] : []));
    return times.length ? Math.min(...times) : null;
  }

  /** Each state is on disk before the step it permits: a transition whose write failed throws STORAGE_FAILED. */
  async transition(id: string, from: readonly OutboxState[], patch: ItemPatch | ((item: OutboxItem) => ItemPatch)): Promise<OutboxItem> {
    return durableWrite(
      () => this.writeTransition(id, from, patch),
      async (next) => {
        const stored = await this.db.items.get(id);
        return stored?.state === next.state && stored.updatedAt === next.updatedAt && stored.handedOffAt === next.handedOffAt;
      },
    );
  }

  private writeTransition(id: string, from: readonly OutboxState[], patch: ItemPatch | ((item: OutboxItem) => ItemPatch)): Promise<OutboxItem> {
    return this.db.transaction('rw', this.db.items, async () => {
      const item = await this.db.items.get(id);
      if (!item) throw new AppFailure('NOT_FOUND', 'No such message in the outbox.');
      if (!from.includes(item.state)) {
        throw new AppFailure('ILLEGAL_STATE', `The message is ${item.state}; this needs it to be ${from.join(' or ')}.`, { state: item.state });
      }
      const changes = typeof patch === 'function' ? patch(item) : patch;
      const next: OutboxItem = { ...item, ...changes, updatedAt: this.now() };
      await this.db.items.put(next);
      return next;
    });
  }
}
