import { describe, expect, it } from 'vitest';
import type { DeliveryEvent, Recipient } from '../../../shared/model';
import { makeItem } from '../../store/test-fixtures';
import { readReceiptText, timeline, trackingSummary } from './tracking-logic';

const event = (state: DeliveryEvent['state'], over: Partial<DeliveryEvent> = {}): DeliveryEvent => ({
  state,
  at: Date.parse('2026-12-04T10:00:00Z'),
  status: null,
  diagnostic: null,
  reportingMta: null,
  retryUntil: null,
  reportId: 'r',
  ...over,
});
const accepted = (address: string, delivery?: DeliveryEvent[]): Recipient => ({
  address,
  field: 'to',
  state: 'accepted',
  ...(delivery ? { delivery: { state: delivery[delivery.length - 1]!.state, events: delivery } } : {}),
});

describe('the Receipts column of Sent', () => {
  it('before any report: requested, not requested, or no DSN support', () => {
    expect(trackingSummary(makeItem({ recipients: [accepted('a@x.test')] }))).toEqual({ text: 'Requested', tone: 'none' });
    expect(trackingSummary(makeItem({ warnings: ['NO_DSN_SUPPORT'] })).text).toBe('No DSN support');
    expect(trackingSummary(makeItem({ dsn: { notify: { success: false, failure: false, delay: false }, ret: 'headers' } })).text).toBe('Not requested');
  });

  it('every accepted recipient delivered reads Delivered; a mix lists bad news first', () => {
    expect(trackingSummary(makeItem({ recipients: [accepted('a@x.test', [event('delivered')]), accepted('b@x.test', [event('delivered')])] }))).toEqual({ text: 'Delivered', tone: 'ok' });
    const mixed = makeItem({
      recipients: [accepted('a@x.test', [event('delivered')]), accepted('b@x.test', [event('failed')]), accepted('c@x.test', [event('delayed')]), accepted('d@x.test')],
    });
    expect(trackingSummary(mixed)).toEqual({ text: 'Failed: 1 · Delayed: 1 · Delivered: 1', tone: 'bad' });
    expect(trackingSummary(makeItem({ recipients: [accepted('c@x.test', [event('delayed')])] })).tone).toBe('wait');
  });
});

describe('a recipient timeline', () => {
  it('one row per report with the status and the server words, and the retry limit of a delay', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    const rows = timeline(
      accepted('a@x.test', [event('delayed', { status: '4.4.1', diagnostic: 'connection refused', retryUntil: Date.parse('2026-12-09T10:00:00Z') }), event('failed', { status: '5.4.7', reportId: 's' })]),
      now,
    );
    expect(rows.map((r) => [r.label, r.detail])).toEqual([
      ['Delayed', '4.4.1 connection refused'],
      ['Failed', '5.4.7'],
    ]);
    expect(rows[0]?.retry).toMatch(/^still trying until /);
    expect(rows[1]?.retry).toBeNull();
  });

  it('a read receipt is worded with its time; none without one', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(readReceiptText({ readReceipt: { disposition: 'displayed', at: now, reportId: 'm' } }, now)).toMatch(/^Read /);
    expect(readReceiptText({}, now)).toBeNull();
  });
});
