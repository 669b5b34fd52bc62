/**
 * Renders an outbox item to MIME with nodemailer's composer. File and URL
 * access are off: nothing the renderer typed can make the main process read a
 * path or fetch a URL.
 */
import type { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Mailbox, OutboxItem, StoredAttachment } from '../../../shared/model';
import type { AttachmentStore } from '../attachments/attachment-store';
import { isUtf8File } from '../attachments/utf8-file';
import { dispositionMessage } from './disposition-mime';

/** The attachment's bytes, or an empty stand-in when only the shape of the message is wanted. */
type ContentOf = (attachment: StoredAttachment) => Readable | Buffer;

/**
 * A text attachment says its charset when its bytes are UTF-8, the only one we can vouch for; any
 * other text goes without one rather than with a wrong one.
 */
function contentTypeOf(attachment: StoredAttachment, files: AttachmentStore): string {
  if (!/^text\//i.test(attachment.type)) return attachment.type;
  try {
    return isUtf8File(files.pathOf(attachment.sha256)) ? `${attachment.type}; charset=utf-8` : attachment.type;
  } catch {
    // An unreadable file is reported by the stream that reads it, as a message that cannot be rendered.
    return attachment.type;
  }
}

function composerFor(item: OutboxItem, files: AttachmentStore, contentOf: ContentOf, withBcc = false): Pick<MailComposer, 'compile'> {
  // A read receipt we send is a report (RFC 8098), not a message the user wrote.
  if (item.disposition) return { compile: () => dispositionMessage(item, item.disposition!) };
  // Name/address objects, not formatted strings, so nodemailer never re-parses an address.
  const mailbox = (m: Mailbox) => ({ name: m.name ?? '', address: m.address });
  const field = (name: 'to' | 'cc') => item.recipients.filter((r) => r.field === name).map(mailbox);
  return new MailComposer({
    from: mailbox(item.from),
    to: field('to'),
    cc: field('cc'),
    // Only the sender's own copy names the Bcc recipients; what goes over SMTP never does.
    ...(withBcc ? { bcc: item.recipients.filter((r) => r.field === 'bcc').map(mailbox) } : {}),
    subject: item.subject,
    text: item.text,
    ...(item.html !== null ? { html: item.html } : {}),
    // Base64 for every file, text too: its bytes arrive untouched, and its size on the wire follows from the file's.
    attachments: item.attachments.map((a) => ({
      filename: a.name,
      contentType: contentTypeOf(a, files),
      contentTransferEncoding: 'base64' as const,
      content: contentOf(a),
    })),
    // A reply names the message it answers and its conversation, so every client threads it.
    ...(item.threading ? { inReplyTo: `<${item.threading.inReplyTo}>`, references: item.threading.references.map((id) => `<${id}>`) } : {}),
    // Message-ID is fixed at submit so every retry (and any duplicate) carries the same one.
    messageId: item.messageId,
    date: new Date(item.createdAt),
    // RFC 8098: a read receipt, when asked for, comes back to the sender's own address.
    ...(item.readReceipt ? { headers: { 'Disposition-Notification-To': `<${item.from.address}>` } } : {}),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

export function renderMime(item: OutboxItem, files: AttachmentStore): Readable {
  return composerFor(item, files, (a) => files.open(a.sha256)).compile().createReadStream();
}

/**
 * The message as it was sent, for the copy in the Sent folder: the same headers (Message-ID, Date)
 * and body, plus a Bcc header naming the Bcc recipients so the sender can still see who they were.
 */
export async function renderSentCopy(item: OutboxItem, files: AttachmentStore): Promise<Buffer> {
  const root = composerFor(item, files, (a) => files.open(a.sha256), true).compile();
  // nodemailer drops Bcc from the headers unless told to keep it.
  (root as unknown as { keepBcc: boolean }).keepBcc = true;
  const chunks: Buffer[] = [];
  for await (const chunk of root.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Octets of `size` bytes in base64 as the composer writes it: lines of 76 characters with CRLF between them. */
function base64Octets(size: number): number {
  const chars = Math.ceil(size / 3) * 4;
  return chars + Math.max(0, Math.ceil(chars / 76) - 1) * 2;
}

/**
 * The exact size of the message as `renderMime` will produce it, without reading any attachment:
 * the message is rendered with a stand-in of one byte for each non-empty file (headers, bodies and
 * boundaries are the same), and each file's base64 is added from its size. The stand-in is not
 * empty because an empty part renders differently: a message that is a single attachment (no text)
 * ends with that attachment's base64, and the composer closes a message that does not end in a line
 * break with CRLF, which an empty stand-in would not get. Used for SIZE (RFC 1870) and the progress total.
 */
export async function measureMime(item: OutboxItem, files: AttachmentStore): Promise<number> {
  const standInSize = (a: StoredAttachment) => Math.min(a.size, 1);
  let octets = 0;
  const composer = composerFor(item, files, (a) => Buffer.alloc(standInSize(a)));
  for await (const chunk of composer.compile().createReadStream()) octets += (chunk as Buffer).length;
  return item.attachments.reduce((sum, a) => sum + base64Octets(a.size) - base64Octets(standInSize(a)), octets);
}
