/**
 * Messages being written, saved as the user types (and on close) so a crash
 * loses at most the last couple of seconds. A draft's attachments are files in
 * the store, referred to by hash.
 */
import { failure } from '../../../shared/i18n/reason';
import type { Draft, DraftSave } from '../../../shared/model';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { MailStore } from '../db/mail-store';
import type { EventBus } from '../events';
import { newId } from '../outbox/ids';
import { resolveAttachment } from '../outbox/outbox-service';

export class DraftsService {
  private lastSavedAt = 0;

  constructor(
    private readonly store: MailStore,
    private readonly events: EventBus,
    private readonly attachments: AttachmentStore,
    private readonly now: () => number = Date.now,
  ) {}

  async save(input: DraftSave): Promise<Draft> {
    const { attachments, id, ...fields } = input;
    // Strictly later than the last save, so "most recently edited first" holds even for saves within one millisecond.
    this.lastSavedAt = Math.max(this.now(), this.lastSavedAt + 1);
    const draft: Draft = { ...fields, id: id ?? newId(), updatedAt: this.lastSavedAt, attachments: attachments.map((a) => resolveAttachment(this.attachments, a)) };
    const isNew = !this.store.getDraft(draft.id);
    await this.store.commit.write(() => this.store.putDraft(draft));
    // On disk now: from here on its absence would be damage (store-ledger.ts).
    if (isNew) this.store.ledger.added('draft', draft.id, draft.subject);
    this.announce();
    return draft;
  }

  /** Most recently edited first. */
  async list(): Promise<Draft[]> {
    return this.store.listDrafts();
  }

  async delete(id: string): Promise<{ id: string }> {
    await this.store.commit.write(() => {
      if (!this.store.getDraft(id)) throw failure('NOT_FOUND', 'reason.noSuchDraft');
      this.store.deleteDraft(id);
    });
    this.announce();
    return { id };
  }

  announce(): void {
    this.events.emit('drafts:changed', this.store.listDrafts());
  }
}
