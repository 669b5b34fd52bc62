/**
 * Reads a received message's request for a read receipt (RFC 8098 §2):
 * Disposition-Notification-To, with what decides whether one may be sent
 * without asking (the Return-Path, §2.1) and what the receipt reports
 * (Original-Recipient, §2.3). Only the header block is read.
 */
import { parseAddressList } from '../../../shared/address';
import { readHeaders } from '../reports/mime-parts';
import { address as reportedAddress } from '../reports/delivery-status';

export interface ReceiptRequest {
  /** Where the receipt would go. */
  address: string;
  /** The envelope sender the delivering server recorded, when it did. */
  returnPath: string | null;
  /** Original-Recipient, when the delivering server wrote one. */
  originalRecipient: string | null;
  /** The message is itself a report or an automatic reply: answering it could start a loop. */
  automatic: boolean;
}

const HEAD_BYTES = 256 * 1024;

function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, HEAD_BYTES).toString('utf8');
  const end = head.search(/\r?\n\r?\n/);
  return end >= 0 ? head.slice(0, end) : head;
}

export function receiptRequestOf(raw: Buffer): ReceiptRequest | null {
  const headers = readHeaders(headerBlock(raw));
  const field = headers.get('disposition-notification-to')?.[0];
  if (!field) return null;
  const parsed = parseAddressList(field);
  // Several addresses (or none readable): RFC 8098 lets us ignore what we cannot answer to one place.
  if (!parsed.ok || parsed.mailboxes.length !== 1) return null;
  const returnPath = /<([^<>\s]*)>/.exec(headers.get('return-path')?.[0] ?? '')?.[1] ?? null;
  const type = headers.get('content-type')?.[0] ?? '';
  const autoSubmitted = (headers.get('auto-submitted')?.[0] ?? 'no').trim().toLowerCase();
  return {
    address: parsed.mailboxes[0]!.address,
    returnPath: returnPath === null ? null : returnPath,
    originalRecipient: reportedAddress(headers.get('original-recipient')?.[0] ?? null),
    automatic: /^\s*multipart\/report\b/i.test(type) || (autoSubmitted !== '' && !autoSubmitted.startsWith('no')),
  };
}
