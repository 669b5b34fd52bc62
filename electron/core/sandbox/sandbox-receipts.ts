/**
 * The local sandbox also plays the recipients' mail programs: a message that
 * asks for a read receipt (Disposition-Notification-To) is "read" at once by
 * every recipient it delivered to, and each answers with an RFC 8098 receipt
 * into the sandbox's mailbox, so a new user sees "Read" without any account.
 * Recipients the sandbox bounces or delays never read it. Only mail sent from
 * this app is answered (it carries our envelope id); mail delivered into the
 * sandbox by a test, as an outside sender would, is left for the user to answer.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxMessage } from '../../../shared/model';
import { receiptRequestOf } from '../mail/receipt-request';
import { messageId as bareMessageId } from '../reports/report-message';
import { readHeaders } from '../reports/mime-parts';
import { dispositionFields } from '../smtp/disposition-mime';
import { outcomeFor } from './sandbox-reports';

export function sandboxReadReceipts(message: SandboxMessage, original: Buffer, now: number = Date.now()): Buffer[] {
  const request = receiptRequestOf(original);
  if (!request || request.automatic || !message.mailParams.ENVID) return [];
  const end = original.indexOf('\r\n\r\n');
  const headers = readHeaders(original.subarray(0, end >= 0 ? end : Math.min(original.length, 64 * 1024)).toString('utf8'));
  const originalId = bareMessageId(headers.get('message-id')?.[0] ?? null);
  const subject = (headers.get('subject')?.[0] ?? '').replace(/[\r\n]+/g, ' ');
  const date = new Date(now).toUTCString().replace('GMT', '+0000');
  return message.rcptTo
    .filter((r) => outcomeFor(r.address) === 'delivered')
    .map((r) => {
      const boundary = `sandbox-receipt-${randomUUID()}`;
      const domain = r.address.slice(r.address.lastIndexOf('@') + 1) || 'sandbox.localhost';
      const fields = dispositionFields({ originalRecipient: null, finalRecipient: r.address, originalMessageId: originalId ?? '', originalSubject: subject, mode: 'manual' }, domain);
      const lines = [
        `From: <${r.address}>`,
        `To: <${request.address}>`,
        `Subject: Read: ${subject}`,
        `Date: ${date}`,
        `Message-ID: <${randomUUID()}@sandbox.localhost>`,
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=disposition-notification; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        `The sandbox showed your message to ${r.address} (every address it delivers to "reads" a message that asks for a receipt).`,
        '',
        `--${boundary}`,
        'Content-Type: message/disposition-notification',
        '',
        fields,
        `--${boundary}--`,
        '',
      ];
      return Buffer.from(lines.join('\r\n'), 'utf8');
    });
}
