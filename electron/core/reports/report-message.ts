/**
 * Recognises a received message as a report about mail we sent, and takes it
 * apart: delivery status notifications (RFC 3464 / RFC 6533), read receipts
 * (RFC 8098), and — labelled as a guess — bounces written as plain text with no
 * machine-readable part. Never throws: a report that cannot be read is returned
 * as such, to be kept and listed as unmatched, never dropped.
 */
import { parseDeliveryStatus, type DeliveryStatus } from './delivery-status';
import { parseDisposition, type DispositionNotification } from './disposition';
import { headerValue, parseMime, readHeaders, walk, type MimePart } from './mime-parts';

interface Returned {
  /** The Message-ID of the message the report is about (from its returned headers), without brackets. */
  returnedMessageId: string | null;
  returnedSubject: string | null;
  /** The report's own Message-ID, so the same report seen twice counts once. */
  reportMessageId: string | null;
  /** The human-readable part, as the reporting server wrote it. */
  explanation: string;
}

export type ParsedReport =
  | ({ kind: 'delivery'; status: DeliveryStatus } & Returned)
  | ({ kind: 'disposition'; disposition: DispositionNotification } & Returned)
  /** No machine-readable part: recognised by its sender and subject only. */
  | ({ kind: 'unstructured-bounce'; heuristic: true } & Returned)
  | { kind: 'not-a-report' };

const DELIVERY_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const DISPOSITION_TYPES = new Set(['message/disposition-notification', 'message/global-disposition-notification']);
const RETURNED_TYPES = new Set(['text/rfc822-headers', 'message/rfc822', 'message/global', 'message/global-headers']);
const BOUNCE_SENDER = /\b(mailer-daemon|postmaster)@/i;
const BOUNCE_SUBJECT = /undeliver|delivery (status )?(notification|failure)|returned mail|failure notice|non.?delivery|delivery has failed/i;

/** A cheap look at the header block, so ordinary mail is not taken apart: a report says so in its type or its sender. */
export function looksLikeReport(raw: Buffer): boolean {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = end >= 0 ? head.slice(0, end) : head;
  return /^content-type:[^\n]*multipart\/report/im.test(block.replace(/\r?\n[ \t]+/g, ' ')) || /^from:[^\n]*\b(mailer-daemon|postmaster)@/im.test(block);
}

export function parseReport(raw: Buffer): ParsedReport {
  let root: MimePart;
  try {
    root = parseMime(raw);
  } catch {
    return { kind: 'not-a-report' };
  }
  const parts = [...walk(root)];
  const returned = returnedFrom(root, parts);
  const delivery = parts.find((p) => DELIVERY_TYPES.has(p.type));
  if (delivery) return { kind: 'delivery', status: parseDeliveryStatus(delivery.body.toString('utf8')), ...returned };
  const disposition = parts.find((p) => DISPOSITION_TYPES.has(p.type));
  if (disposition) return { kind: 'disposition', disposition: parseDisposition(disposition.body.toString('utf8')), ...returned };
  const from = headerValue(root, 'from') ?? '';
  const subject = headerValue(root, 'subject') ?? '';
  if (BOUNCE_SENDER.test(from) && BOUNCE_SUBJECT.test(subject)) {
    return { kind: 'unstructured-bounce', heuristic: true, ...returned, returnedMessageId: returned.returnedMessageId ?? quotedMessageId(parts, root) };
  }
  return { kind: 'not-a-report' };
}

function returnedFrom(root: MimePart, parts: MimePart[]): Returned {
  const part = parts.find((p) => RETURNED_TYPES.has(p.type));
  const headers = part ? readHeaders(headerBlock(part.body.toString('utf8'))) : null;
  const human = parts.find((p) => p !== root && p.type === 'text/plain') ?? (root.type === 'text/plain' ? root : undefined);
  return {
    returnedMessageId: messageId(headers?.get('message-id')?.[0] ?? null),
    returnedSubject: headers?.get('subject')?.[0] ?? null,
    reportMessageId: messageId(headerValue(root, 'message-id')),
    explanation: human ? human.body.toString('utf8').slice(0, 16_384) : '',
  };
}

/** A plain-text bounce often quotes the original's headers in its body; the first Message-ID after ours is the sender's. */
function quotedMessageId(parts: MimePart[], root: MimePart): string | null {
  for (const part of parts) {
    if (part.parts.length || !part.type.startsWith('text/')) continue;
    const text = part.body.toString('utf8');
    const found = /^message-id:\s*(<[^>\r\n]{1,500}>)/im.exec(text);
    const id = messageId(found?.[1] ?? null);
    if (id && id !== messageId(headerValue(root, 'message-id'))) return id;
  }
  return null;
}

const headerBlock = (text: string): string => text.split(/\r?\n\r?\n/, 1)[0] ?? '';

export function messageId(value: string | null): string | null {
  if (!value) return null;
  const match = /<([^<>\s]{1,500})>/.exec(value) ?? /^\s*([^<>\s]{1,500})\s*$/.exec(value);
  return match?.[1] ?? null;
}
