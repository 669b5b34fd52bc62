/**
 * Forwarding a received message: its attachments (inline images too) copied
 * into the attachment store, or the whole message as one message/rfc822
 * attachment. Compose then refers to them by hash like any file the user
 * attached, so they survive drafts, Undo and restarts.
 */
import type { StoredAttachment } from '../../../shared/model';
import { LIMITS } from '../../../shared/model';
import { failure } from '../../../shared/i18n/reason';
import type { AttachmentStore } from '../attachments/attachment-store';
import { attachmentsOf } from '../mail/parse-message';

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** A name the outbox accepts (no path, no controls or direction marks, at most 255 characters), kept as close to the sender's as that allows. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/\t]/g, '_')
    .trim()
    .slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

const safeType = (type: string): string => (MIME_TYPE.test(type) && type.length <= 127 ? type.toLowerCase() : 'application/octet-stream');

function tooLarge(size: number): void {
  if (size > LIMITS.attachmentBytes) throw failure('MESSAGE_TOO_BIG', 'reason.forwardTooLarge');
}

/** The message's attachments as stored files, in their order. */
export async function forwardFiles(raw: Buffer, files: AttachmentStore): Promise<StoredAttachment[]> {
  const found = await attachmentsOf(raw);
  if (found.length > LIMITS.attachmentsPerMessage) throw failure('INVALID_ARG', 'reason.forwardTooMany', { max: LIMITS.attachmentsPerMessage });
  return found.map(({ meta, content }, index) => {
    tooLarge(content.length);
    return { name: safeFileName(meta.name, `attachment-${index + 1}`), type: safeType(meta.type), size: content.length, sha256: files.put(content) };
  });
}

/** The message itself, as sent to us, named after its subject. */
export function forwardAsMessage(raw: Buffer, subject: string, files: AttachmentStore): StoredAttachment {
  tooLarge(raw.length);
  const base = safeFileName(subject, 'message').slice(0, 250);
  return { name: `${base}.eml`, type: 'message/rfc822', size: raw.length, sha256: files.put(raw) };
}
