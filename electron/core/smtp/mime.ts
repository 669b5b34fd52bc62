/**
 * Renders an outbox item to MIME with nodemailer's composer. File and URL
 * access are off: nothing the renderer typed can make the main process read a
 * path or fetch a URL.
 */
import type { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Mailbox, OutboxItem } from '../../../shared/model';
import type { AttachmentStore } from '../attachments/attachment-store';

export function renderMime(item: OutboxItem, files: AttachmentStore): Readable {
  // Name/address objects, not formatted strings, so nodemailer never re-parses an address.
  const mailbox = (m: Mailbox) => ({ name: m.name ?? '', address: m.address });
  const field = (name: 'to' | 'cc') => item.recipients.filter((r) => r.field === name).map(mailbox);
  const composer = new MailComposer({
    from: mailbox(item.from),
    to: field('to'),
    cc: field('cc'),
    subject: item.subject,
    text: item.text,
    ...(item.html !== null ? { html: item.html } : {}),
    attachments: item.attachments.map((a) => ({ filename: a.name, contentType: a.type, content: files.open(a.sha256) })),
    // Message-ID is fixed at submit so every retry (and any duplicate) carries the same one.
    messageId: item.messageId,
    date: new Date(item.createdAt),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().createReadStream();
}

/**
 * Octets the message will take on the wire, from its stored fields: base64 turns
 * 57 bytes into a 78-character line; text and headers get a generous margin.
 * Used for SIZE, so a too-big message is refused before DATA, not after.
 */
export function estimateMimeSize(item: OutboxItem): number {
  const headers = 2048 + item.recipients.length * 100 + Buffer.byteLength(item.subject) * 3;
  const text = Math.ceil((Buffer.byteLength(item.text) + Buffer.byteLength(item.html ?? '')) * 1.1);
  const files = item.attachments.reduce((sum, a) => sum + Math.ceil(a.size / 57) * 78 + 300, 0);
  return headers + text + files;
}
