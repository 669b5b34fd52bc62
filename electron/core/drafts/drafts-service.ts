/**
 * Messages being written, saved as the user types (and on close) so a crash
 * loses at most the last couple of seconds. A draft's attachments are files in
 * the store, referred to by hash.
 */
import { AppFailure } from '../../../shared/errors';
import type { Draft, DraftSave } from '../../../shared/model';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { MailDatabase } from '../db/database';
import { durableWrite } from '../db/durable-write';
import type { EventBus } from '../events';
import { newId } from '../outbox/ids';
import { resolveAttachment } from '../outbox/outbox-service';

export class DraftsService {
  constructor(
    private readonly db: MailDatabase,
    private readonly events: EventBus,
    private readonly attachments: AttachmentStore,
    private readonly now: () => number = Date.now,
  ) {}

  async save(input: DraftSave): Promise<Draft> {
    const { attachments, id, ...fields } = input;
    const draft: Draft = { ...fields, id: id ?? newId(), updatedAt: this.now(), attachments: attachments.map((a) => resolveAttachment(this.attachments, a)) };
    await durableWrite(
      () => this.db.drafts.put(draft),
      async () => (await this.db.drafts.get(draft.id))?.updatedAt === draft.updatedAt,
    );
    await this.announce();
    return draft;
  }

  /** Most recently edited first. */
  list(): Promise<Draft[]> {
    return this.db.drafts.orderBy('[updatedAt+id]').reverse().toArray();
  }

  async delete(id: string): Promise<{ id: string }> {
    if (!(await this.db.drafts.get(id))) throw new AppFailure('NOT_FOUND', 'No such draft.');
    await this.db.drafts.delete(id);
    await this.announce();
    return { id };
  }

  async announce(): Promise<void> {
    this.events.emit('drafts:changed', await this.list());
  }
}
