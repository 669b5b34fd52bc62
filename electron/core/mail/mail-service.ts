/**
 * The `mail.*` commands over the cache: folders, list windows, a message
 * opened for reading (its body fetched and kept when not on disk yet),
 * attachment chunks and remote-content consent.
 */
import { MAIL_LIMITS, MailListRequestSchema, type AttachmentChunk, type Folder, type MailList, type MailListRequest, type MessageDetail } from '../../../shared/mail-model';
import { failure } from '../../../shared/i18n/reason';
import type { EventBus } from '../events';
import type { BodyFiles } from './body-files';
import type { MailCache } from './mail-cache';
import { mailboxes, stringList, type MessageRow } from './message-rows';
import type { StoredAttachment } from '../../../shared/model';
import type { AttachmentStore } from '../attachments/attachment-store';
import { forwardAsMessage, forwardFiles } from '../forward/forward-attachments';
import { attachmentContent, parseBody } from './parse-message';

/** Fetches a message's raw bytes from wherever it lives (its account's server); throws NOT_CONNECTED when it cannot. */
export type BodySource = (row: MessageRow) => Promise<Buffer>;

export class MailService {
  /** The message last opened for reading: its body is on screen, so the cache size limit leaves it. */
  openId: string | null = null;

  constructor(
    private readonly cache: MailCache,
    private readonly bodies: BodyFiles,
    private readonly source: BodySource,
    private readonly events: EventBus,
    /** Told of every body kept (a delivery report among them is applied to the message it is about); never throws. */
    private readonly afterStore: (row: MessageRow, raw: Buffer) => Promise<void> = async () => undefined,
  ) {}

  folders(): Folder[] {
    return this.cache.folders();
  }

  list(request: MailListRequest): MailList {
    // Defaults filled in here too: the router checked the shape, this states the sort and filters.
    return this.cache.list(MailListRequestSchema.parse(request), (sha) => this.bodies.has(sha));
  }

  async get(id: string): Promise<MessageDetail> {
    const row = this.rowOf(id);
    this.openId = id;
    const raw = await this.rawOf(row);
    return this.detail(this.rowOf(id), raw);
  }

  async attachment(id: string, partId: string, offset: number): Promise<AttachmentChunk> {
    const row = this.rowOf(id);
    const found = await attachmentContent(await this.rawOf(row), partId);
    if (!found) throw failure('NOT_FOUND', 'reason.noSuchPart');
    const start = Math.min(offset, found.content.length);
    const piece = found.content.subarray(start, start + MAIL_LIMITS.attachmentChunkBytes);
    return { name: found.meta.name, type: found.meta.type, total: found.content.length, offset: start, contentBase64: piece.toString('base64') };
  }

  async allowRemoteContent(id: string, scope: 'message' | 'sender'): Promise<MessageDetail> {
    const row = this.rowOf(id);
    const sender = this.senderOf(row);
    if (scope === 'sender' && sender) await this.cache.allowRemote('sender', sender.toLowerCase());
    else await this.cache.allowRemote('message', id);
    return this.get(id);
  }

  /** The message's attachments, or the message itself, as files Compose can attach to a forward. */
  async forwardAttachments(id: string, asMessage: boolean, files: AttachmentStore): Promise<StoredAttachment[]> {
    const row = this.rowOf(id);
    const raw = await this.rawOf(row);
    return asMessage ? [forwardAsMessage(raw, row.subject, files)] : forwardFiles(raw, files);
  }

  /** Keeps a message's bytes: file first, then the row that names it. */
  async store(row: MessageRow, raw: Buffer): Promise<void> {
    const sha = this.bodies.put(raw);
    const body = await parseBody(raw);
    await this.cache.setBody(row.id, sha, body.preview, body.bodyText);
    this.events.emit('mail:changed', { folderId: row.folder_id, added: [], updated: [row.id], removed: [] });
    await this.afterStore(row, raw);
  }

  private rowOf(id: string): MessageRow {
    const row = this.cache.row(id);
    if (!row) throw failure('NOT_FOUND', 'reason.noSuchMail');
    return row;
  }

  private async rawOf(row: MessageRow): Promise<Buffer> {
    if (row.body_sha && this.bodies.has(row.body_sha)) return this.bodies.read(row.body_sha);
    const raw = await this.source(row);
    await this.store(row, raw);
    return raw;
  }

  private senderOf(row: MessageRow): string | null {
    try {
      const from = row.from_json ? (JSON.parse(row.from_json) as { address?: unknown }) : null;
      return typeof from?.address === 'string' ? from.address : null;
    } catch {
      return null;
    }
  }

  private async detail(row: MessageRow, raw: Buffer): Promise<MessageDetail> {
    const summary = this.cache.readSummary(row, () => true);
    if (!summary) throw failure('NOT_FOUND', 'reason.noSuchMail');
    const body = await parseBody(raw);
    return {
      ...summary,
      cached: true,
      preview: body.preview,
      cc: mailboxes(row, row.cc_json),
      replyTo: mailboxes(row, row.reply_to_json),
      inReplyTo: row.in_reply_to,
      references: stringList(row, row.references_json),
      text: body.text,
      html: body.html,
      attachments: body.attachments,
      hasRemoteContent: body.hasRemoteContent,
      remoteContentAllowed: this.cache.remoteAllowed(row.id, this.senderOf(row)),
      problem: body.problem,
      followupTo: body.followupTo,
    };
  }
}
