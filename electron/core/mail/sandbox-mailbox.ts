/**
 * The local sandbox as a mailbox: what its SMTP server receives is also put in
 * the mail store, under the sandbox account's "Inbox", so it reads through the
 * same commands as mail from a server, body and attachments included.
 */
import type { EventBus } from '../events';
import { folderIdFor } from './ids';
import type { FolderInfo, MailCache } from './mail-cache';
import { parseHeaders } from './parse-message';
import { newMailOf } from './new-mail';

/** The sandbox has no server to renumber it. */
const SANDBOX_UIDVALIDITY = 1;

export class SandboxMailbox {
  private readonly folder: FolderInfo;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    accountId: string,
    private readonly cache: MailCache,
    private readonly storeBody: (id: string, raw: Buffer) => Promise<void>,
    private readonly events: EventBus,
  ) {
    this.folder = { id: folderIdFor(accountId, 'Inbox'), accountId, path: 'Inbox', name: 'Inbox', delimiter: null, role: 'inbox', selectable: true };
  }

  async open(): Promise<void> {
    if (this.cache.folder(this.folder.id)) return;
    await this.cache.setFolders(this.folder.accountId, [this.folder]);
    await this.cache.setFolderState(this.folder.id, { uidValidity: SANDBOX_UIDVALIDITY, uidNext: 1, highestModseq: null });
  }

  /**
   * Messages arrive one at a time (UIDs are handed out in order). Mail delivered
   * to the sandbox is announced as new mail; the reports the sandbox writes
   * into its own Inbox (`announce: false`) are not.
   */
  add(raw: Buffer, receivedAt: number, announce = true): Promise<string | null> {
    const next = this.chain.then(() => this.addNow(raw, receivedAt, announce));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async addNow(raw: Buffer, receivedAt: number, announce: boolean): Promise<string | null> {
    const h = await parseHeaders(raw);
    const uids = this.cache.uidsOf(this.folder.id);
    // Never a UID used before, even by a message since moved to another folder (its id came from it).
    const state = this.cache.folder(this.folder.id);
    const uid = Math.max((uids[uids.length - 1] ?? 0) + 1, state?.uidNext ?? 1);
    await this.cache.setFolderState(this.folder.id, { uidValidity: SANDBOX_UIDVALIDITY, uidNext: uid + 1, highestModseq: null });
    const [id] = await this.cache.addMessages(this.folder.id, SANDBOX_UIDVALIDITY, [
      {
        uid,
        messageId: h.messageId,
        subject: h.subject,
        from: h.from,
        to: h.to,
        cc: h.cc,
        replyTo: h.replyTo,
        inReplyTo: h.inReplyTo,
        references: h.references,
        date: h.date ?? receivedAt,
        size: raw.length,
        flags: { seen: false, flagged: false, answered: false, draft: false },
        hasAttachments: /^content-disposition:\s*attachment/im.test(raw.toString('latin1')),
      },
    ]);
    if (!id) return null;
    this.events.emit('mail:changed', { folderId: this.folder.id, added: [id], updated: [], removed: [] });
    await this.storeBody(id, raw);
    this.events.emit('mail:folders', this.cache.folders());
    if (announce) {
      const mail = newMailOf(this.folder.accountId, this.folder.id, [
        { id, from: h.from, subject: h.subject, date: h.date ?? receivedAt, flags: { seen: false } },
      ]);
      if (mail) this.events.emit('mail:newMail', mail);
    }
    return id;
  }
}
