import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { DispositionNotice } from '../../../shared/model';
import { applyDisposition } from '../reports/delivery-tracking';
import { parseReport } from '../reports/report-message';
import { makeItem, tempAttachmentStore } from '../../../testing/harness/fixtures';
import { measureMime, renderMime } from './mime';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const headerBlock = (raw: Buffer) => raw.toString('utf8').split('\r\n\r\n', 1)[0]!;

/** Bob's answer to Ann's message: what mail-service queues when he agrees. */
function receiptFromBob(notice: Partial<DispositionNotice> = {}) {
  return makeItem({
    id: 'item-0002',
    messageId: '<receipt.1@example.org>',
    from: { name: 'Bob', address: 'bob@example.org' },
    recipients: [{ address: 'ann@example.com', field: 'to', state: 'pending' }],
    subject: 'Read: Hello',
    text: 'Your message "Hello" was displayed.\nThis says nothing about whether it was read or understood.\n',
    disposition: { originalRecipient: null, finalRecipient: 'bob@example.org', originalMessageId: '0123456789abcdef.test@example.com', originalSubject: 'Hello', mode: 'manual', ...notice },
  });
}

describe('read receipts in MIME', () => {
  it('asks for one with Disposition-Notification-To naming the sender, only when asked', async () => {
    const files = tempAttachmentStore();
    const asked = headerBlock(await bytesOf(renderMime(makeItem({ readReceipt: true }), files)));
    expect(asked).toMatch(/^Disposition-Notification-To: <ann@example\.com>$/m);
    const notAsked = headerBlock(await bytesOf(renderMime(makeItem(), files)));
    expect(notAsked).not.toMatch(/Disposition-Notification-To/i);
  });

  it('sends one as multipart/report that our own parser reads back and matches to the recipient', async () => {
    const files = tempAttachmentStore();
    const item = receiptFromBob({ originalRecipient: 'bob@example.org' });
    const raw = await bytesOf(renderMime(item, files));
    expect(await measureMime(item, files)).toBe(raw.length);
    expect(headerBlock(raw)).toMatch(/^Content-Type: multipart\/report;\s+report-type=disposition-notification;/m);
    expect(headerBlock(raw)).toMatch(/^Message-ID: <receipt\.1@example\.org>$/m);
    expect(headerBlock(raw)).not.toMatch(/Disposition-Notification-To/i);
    expect(raw.toString('utf8')).toContain('was displayed.');

    const report = parseReport(raw);
    expect(report.kind).toBe('disposition');
    if (report.kind !== 'disposition') return;
    expect(report.reportMessageId).toBe('receipt.1@example.org');
    expect(report.disposition).toEqual({
      reportingUa: 'example.org; Outbox Mail',
      originalRecipient: 'bob@example.org',
      finalRecipient: 'bob@example.org',
      originalMessageId: '0123456789abcdef.test@example.com',
      disposition: 'displayed',
      mode: 'manual-action/mdn-sent-manually',
      problems: [],
    });

    // Ann's side: her message to Bob shows him as having read it.
    const sent = makeItem({ readReceipt: true, recipients: [{ address: 'Bob@Example.org', field: 'to', state: 'accepted' }] });
    const applied = applyDisposition(sent, report.disposition, 'receipt.1@example.org', 1_000);
    expect(applied.changed).toBe(true);
    expect(applied.item.recipients[0]!.readReceipt).toEqual({ disposition: 'displayed', at: 1_000, reportId: 'receipt.1@example.org' });
  });

  it('says when it was sent without asking, leaves Original-Recipient out when unknown, and keeps fields on one line', async () => {
    const files = tempAttachmentStore();
    const raw = await bytesOf(renderMime(receiptFromBob({ mode: 'automatic', finalRecipient: 'bob@example.org\r\nDisposition: manual-action/x; deleted' }), files));
    const report = parseReport(raw);
    expect(report.kind).toBe('disposition');
    if (report.kind !== 'disposition') return;
    expect(report.disposition.mode).toBe('automatic-action/mdn-sent-automatically');
    expect(report.disposition.disposition).toBe('displayed');
    expect(report.disposition.originalRecipient).toBeNull();
    expect(raw.toString('utf8')).not.toMatch(/^Original-Recipient:/m);
  });
});
