/**
 * Outbox items in the durable store. Every state change goes through
 * `transition`, which checks the current state inside the same write as the
 * change, so two actors (cancel and the spooler) cannot both win. Writes are
 * group-committed: a caller hears back only once its write is on disk.
 */
import { failure } from '../../../shared/i18n/reason';
import type { OutboxItem, OutboxList, OutboxListRequest, OutboxState, SentCopy } from '../../../shared/model';
import type { WriteOptions } from '../db/group-commit';
import type { MailStore } from '../db/mail-store';
import { OutboxWindows } from './outbox-window';

export type ItemPatch = Partial<Omit<OutboxItem, 'id' | 'messageId' | 'envid' | 'createdAt'>>;

const notFound = () => failure('NOT_FOUND', 'reason.noSuchMessage');

export class OutboxRepository {
  /**
   * Items this process built and added (from checked input). Rows found on disk at start are
   * not in it: they may come from an older version or a damaged disk, and are checked when taken.
   */
  private readonly builtHere = new Set<string>();
  private readonly windows: OutboxWindows;

  constructor(
    readonly store: MailStore,
    private readonly now: () => number = Date.now,
  ) {
    this.windows = new OutboxWindows(store.db);
  }

  /** Resolves only when the item is on disk; otherwise STORAGE_FAILED and nothing was queued. */
  async add(item: OutboxItem, fromDraft?: string): Promise<void> {
    await this.store.commit.write(() => {
      this.store.insertItem(item);
      // The draft leaves in the same write that queues the message: never both, never neither.
      if (fromDraft) this.store.deleteDraft(fromDraft);
    });
    // On disk now: from here on its absence would be damage (store-ledger.ts).
    this.store.ledger.added('item', item.id, item.subject);
    this.builtHere.add(item.id);
  }

  /** True for an item this process added: its stored form is what the code built, so it needs no second check. */
  isBuiltHere(id: string): boolean {
    return this.builtHere.has(id);
  }

  /** Deletes an item in one of `states`, with its transcript. */
  async remove(id: string, states: readonly OutboxState[]): Promise<void> {
    await this.store.commit.write(() => {
      const item = this.store.getItem(id);
      if (!item) throw notFound();
      if (!states.includes(item.state)) throw failure('ILLEGAL_STATE', 'reason.deleteNeedsCancel', { state: item.state }, { state: item.state });
      this.store.deleteItem(id);
      this.store.deleteLinesOf(id);
    });
    this.builtHere.delete(id);
  }

  /** Sets a row that does not validate aside, whole, and removes it from the outbox. */
  quarantine(id: string, reason: string): Promise<void> {
    return this.store.commit.write(() => {
      this.store.putQuarantine({ id, at: this.now(), reason, row: this.store.rawItem(id) ?? null });
      this.store.deleteItem(id);
    });
  }

  async get(id: string): Promise<OutboxItem> {
    const item = this.store.getItem(id);
    if (!item) throw notFound();
    return item;
  }

  /** Newest first. */
  async list(): Promise<OutboxItem[]> {
    return this.store.listItems();
  }

  /** A window of one list, with every state's count (outbox-window.ts). */
  async window(request: OutboxListRequest): Promise<OutboxList> {
    return this.windows.window(request);
  }

  /**
   * Each state is on disk before the step it permits: a transition whose write failed throws STORAGE_FAILED.
   * `durable: false` resolves once committed, before the fsync (see group-commit.ts).
   */
  transition(id: string, from: readonly OutboxState[], patch: ItemPatch | ((item: OutboxItem) => ItemPatch), options: WriteOptions = {}): Promise<OutboxItem> {
    return this.store.commit.write(() => {
      const item = this.store.getItem(id);
      if (!item) throw notFound();
      if (!from.includes(item.state)) {
        throw failure('ILLEGAL_STATE', 'reason.wrongState', { state: item.state, needed: from.join(' / ') }, { state: item.state });
      }
      const changes = typeof patch === 'function' ? patch(item) : patch;
      const next: OutboxItem = { ...item, ...changes, updatedAt: this.now() };
      this.store.putItem(next, item);
      return next;
    }, options);
  }

  /**
   * Changes only the Sent copy of a sent item, nothing else (not even updatedAt): the copy is a
   * step after the send, and the send's record stays as it was.
   */
  updateSentCopy(id: string, change: (copy: SentCopy, item: OutboxItem) => SentCopy, options: WriteOptions = {}): Promise<OutboxItem> {
    return this.store.commit.write(() => {
      const item = this.store.getItem(id);
      if (!item) throw notFound();
      if (item.state !== 'sent' || !item.sentCopy) {
        throw failure('ILLEGAL_STATE', 'reason.wrongState', { state: item.sentCopy?.state ?? item.state, needed: 'sent' }, { state: item.state });
      }
      const next: OutboxItem = { ...item, sentCopy: change(item.sentCopy, item) };
      this.store.putItem(next, item);
      return next;
    }, options);
  }
}
