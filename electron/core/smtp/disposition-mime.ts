/**
 * A read receipt we send (RFC 8098 §3): `multipart/report;
 * report-type=disposition-notification` with a sentence for people and the
 * `message/disposition-notification` part that machines (our own tracker
 * among them) match to the message they sent.
 */
import MimeNode from 'nodemailer/lib/mime-node';
import type { DispositionNotice, Mailbox, OutboxItem } from '../../../shared/model';

/** Names us in the report; a product name only (RFC 8098 §3.2.1 allows no more). */
export const REPORTING_UA = 'Outbox Mail';

const mailbox = (m: Mailbox) => (m.name ? { name: m.name, address: m.address } : m.address);

/** Field values are one line each: a folded or broken value would end the field group early. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

export function dispositionFields(notice: DispositionNotice, hostname: string): string {
  const lines = [`Reporting-UA: ${oneLine(hostname)}; ${REPORTING_UA}`];
  if (notice.originalRecipient) lines.push(`Original-Recipient: rfc822;${oneLine(notice.originalRecipient)}`);
  lines.push(`Final-Recipient: rfc822;${oneLine(notice.finalRecipient)}`);
  if (notice.originalMessageId) lines.push(`Original-Message-ID: <${oneLine(notice.originalMessageId)}>`);
  lines.push(
    notice.mode === 'manual'
      ? 'Disposition: manual-action/MDN-sent-manually; displayed'
      : 'Disposition: automatic-action/MDN-sent-automatically; displayed',
  );
  return `${lines.join('\r\n')}\r\n`;
}

export function dispositionMessage(item: OutboxItem, notice: DispositionNotice): MimeNode {
  const hostname = item.from.address.split('@')[1] ?? 'localhost';
  const root = new MimeNode('multipart/report; report-type=disposition-notification', { hostname });
  root.setHeader('From', mailbox(item.from) as unknown as string);
  root.setHeader('To', item.recipients.map((r) => r.address).join(', '));
  root.setHeader('Subject', item.subject);
  root.setHeader('Message-ID', item.messageId);
  root.setHeader('Date', new Date(item.createdAt).toUTCString().replace(/GMT/, '+0000'));
  // The receipt is about the original: it belongs to its conversation (and is never asked about itself).
  if (notice.originalMessageId) root.setHeader('References', `<${oneLine(notice.originalMessageId)}>`);
  // RFC 3834: a receipt is a reply no one wrote; auto-responders leave it alone.
  root.setHeader('Auto-Submitted', 'auto-replied');
  root.createChild('text/plain; charset=utf-8').setContent(item.text.replace(/\r?\n/g, '\r\n'));
  root.createChild('message/disposition-notification').setContent(dispositionFields(notice, hostname));
  return root;
}
