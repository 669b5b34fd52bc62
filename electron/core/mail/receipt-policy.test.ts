import { describe, expect, it } from 'vitest';
import { receiptPolicy, type ReceiptFacts } from './receipt-service';
import { receiptRequestOf } from './receipt-request';

const raw = (...headers: string[]) => Buffer.from([...headers, '', 'Body', ''].join('\r\n'));

describe('receiptRequestOf', () => {
  it('reads the address, the Return-Path and Original-Recipient', () => {
    expect(receiptRequestOf(raw('From: Carol <carol@example.org>', 'Disposition-Notification-To: "Carol" <Carol@Example.org>', 'Return-Path: <carol@example.org>', 'Original-Recipient: rfc822;ann@example.com'))).toEqual({
      address: 'Carol@example.org',
      returnPath: 'carol@example.org',
      originalRecipient: 'ann@example.com',
      automatic: false,
    });
  });

  it('is null without a request, with several addresses or an unreadable one; a report or auto-reply is marked automatic', () => {
    expect(receiptRequestOf(raw('From: a@example.org'))).toBeNull();
    expect(receiptRequestOf(raw('Disposition-Notification-To: a@example.org, b@example.org'))).toBeNull();
    expect(receiptRequestOf(raw('Disposition-Notification-To: not an address'))).toBeNull();
    expect(receiptRequestOf(raw('Disposition-Notification-To: a@example.org', 'Auto-Submitted: auto-replied'))?.automatic).toBe(true);
    expect(receiptRequestOf(raw('Disposition-Notification-To: a@example.org', 'Auto-Submitted: no'))?.automatic).toBe(false);
    expect(receiptRequestOf(raw('Disposition-Notification-To: a@example.org', 'Content-Type: multipart/report; report-type=disposition-notification; boundary=x'))?.automatic).toBe(true);
  });

  it('never throws on bytes that are not a message', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xff, 0xfe, 0x00, 0x0a]), Buffer.from('Disposition-Notification-To:\r\n\r\n')]) expect(() => receiptRequestOf(bytes)).not.toThrow();
  });
});

describe('receiptPolicy', () => {
  const base: ReceiptFacts = {
    request: { address: 'carol@example.org', returnPath: 'carol@example.org', originalRecipient: null, automatic: false },
    folderRole: 'inbox',
    from: 'carol@example.org',
    setting: 'always',
    ownAddresses: new Set(['ann@example.com']),
  };

  it('sends at once under "always" only when the receipt goes back to the envelope sender', () => {
    expect(receiptPolicy(base)).toBe('send');
    expect(receiptPolicy({ ...base, request: { ...base.request!, returnPath: 'bounces@list.example.org' } })).toBe('ask');
    expect(receiptPolicy({ ...base, request: { ...base.request!, returnPath: null } })).toBe('ask');
    expect(receiptPolicy({ ...base, request: { ...base.request!, returnPath: '' } })).toBe('ask');
  });

  it('asks under "ask" and does nothing under "never"', () => {
    expect(receiptPolicy({ ...base, setting: 'ask' })).toBe('ask');
    expect(receiptPolicy({ ...base, setting: 'never' })).toBe('none');
  });

  it('never for Junk, for the user’s own mail, for receipts going to the user, for reports, or without a request', () => {
    expect(receiptPolicy({ ...base, folderRole: 'junk' })).toBe('none');
    expect(receiptPolicy({ ...base, from: 'Ann@Example.com' })).toBe('none');
    expect(receiptPolicy({ ...base, request: { ...base.request!, address: 'ann@example.com' } })).toBe('none');
    expect(receiptPolicy({ ...base, request: { ...base.request!, automatic: true } })).toBe('none');
    expect(receiptPolicy({ ...base, request: null })).toBe('none');
  });
});
