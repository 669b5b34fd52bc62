import { describe, expect, it } from 'vitest';
import type { OutboxItem, Recipient } from '../../../shared/model';
import { makeItem } from '../../../testing/harness/fixtures';
import type { DeliveryStatus, ReportedRecipient } from './delivery-status';
import { applyDeliveryStatus, applyDisposition, currentState, findRecipient } from './delivery-tracking';

const recipient = (address: string, over: Partial<Recipient> = {}): Recipient => ({ address, field: 'to', state: 'accepted', ...over });

const sent = (): OutboxItem =>
  makeItem({ state: 'sent', recipients: [recipient('bob@example.org'), recipient('Carol@Example.NET'), recipient('dave@example.com', { field: 'cc' })] });

const reported = (over: Partial<ReportedRecipient>): ReportedRecipient => ({
  originalRecipient: null,
  finalRecipient: null,
  action: 'delivered',
  status: '2.0.0',
  remoteMta: null,
  diagnostic: null,
  lastAttempt: null,
  willRetryUntil: null,
  ...over,
});

const report = (recipients: ReportedRecipient[]): DeliveryStatus => ({ envelopeId: 'env', reportingMta: 'mx.test', arrival: null, recipients, problems: [] });

describe('matching a reported recipient', () => {
  it('prefers Original-Recipient, falls back to Final-Recipient, ignores case and IDNA forms of the domain', () => {
    const list = sent().recipients;
    expect(findRecipient(list, { originalRecipient: 'carol@example.net', finalRecipient: 'bob@example.org' })).toBe(1);
    expect(findRecipient(list, { originalRecipient: null, finalRecipient: 'BOB@EXAMPLE.ORG' })).toBe(0);
    expect(findRecipient(list, { originalRecipient: 'alias@example.org', finalRecipient: 'dave@example.com' })).toBe(2);
    expect(findRecipient(list, { originalRecipient: 'nobody@example.org', finalRecipient: null })).toBe(-1);
  });
});

describe('delivery state over time', () => {
  it('records each recipient its report names, with the server words and times; others stay as they were', () => {
    const result = applyDeliveryStatus(
      sent(),
      report([
        reported({ finalRecipient: 'bob@example.org', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 no such user', lastAttempt: 2000 }),
        reported({ finalRecipient: 'carol@example.net', action: 'delayed', status: '4.4.1', willRetryUntil: 9000 }),
      ]),
      'r1@mx',
      1500,
    );
    expect(result.changed).toBe(true);
    const [bob, carol, dave] = result.item.recipients;
    expect(bob?.delivery).toEqual({
      state: 'failed',
      events: [{ state: 'failed', at: 2000, status: '5.1.1', diagnostic: '550 5.1.1 no such user', reportingMta: 'mx.test', retryUntil: null, reportId: 'r1@mx' }],
    });
    expect(carol?.delivery?.state).toBe('delayed');
    expect(carol?.delivery?.events[0]?.retryUntil).toBe(9000);
    expect(dave?.delivery).toBeUndefined();
    expect(result.newlyFailed.map((r) => r.address)).toEqual(['bob@example.org']);
  });

  it('the same report twice counts once', () => {
    const status = report([reported({ finalRecipient: 'bob@example.org', action: 'delivered' })]);
    const once = applyDeliveryStatus(sent(), status, 'r1', 100);
    const twice = applyDeliveryStatus(once.item, status, 'r1', 200);
    expect(twice.changed).toBe(false);
    expect(twice.item.recipients[0]?.delivery?.events).toHaveLength(1);
  });

  it('delayed, then relayed, then delivered; a delayed arriving late does not undo delivered', () => {
    let item = sent();
    const step = (action: ReportedRecipient['action'], at: number, id: string) => {
      const result = applyDeliveryStatus(item, report([reported({ finalRecipient: 'bob@example.org', action, lastAttempt: at })]), id, at);
      item = result.item;
      return item.recipients[0]?.delivery?.state;
    };
    expect(step('delayed', 100, 'a')).toBe('delayed');
    expect(step('relayed', 200, 'b')).toBe('relayed');
    expect(step('delivered', 300, 'c')).toBe('delivered');
    expect(step('delayed', 250, 'd')).toBe('delivered');
    expect(item.recipients[0]?.delivery?.events.map((e) => e.state)).toEqual(['delayed', 'relayed', 'delayed', 'delivered']);
  });

  it('a failure notice is raised once per recipient, not again for a second failure report', () => {
    const failed = report([reported({ finalRecipient: 'bob@example.org', action: 'failed', status: '5.0.0' })]);
    const first = applyDeliveryStatus(sent(), failed, 'f1', 10);
    const second = applyDeliveryStatus(first.item, failed, 'f2', 20);
    expect(first.newlyFailed).toHaveLength(1);
    expect(second.newlyFailed).toHaveLength(0);
  });

  it('a recipient the report names but the message lacks, or without a valid action, is kept as unmatched', () => {
    const result = applyDeliveryStatus(
      sent(),
      report([reported({ finalRecipient: 'stranger@example.org' }), reported({ finalRecipient: 'bob@example.org', action: null })]),
      'u1',
      1,
    );
    expect(result.changed).toBe(false);
    expect(result.unmatched).toHaveLength(2);
  });

  it('currentState: final beats non-final whatever the order; among equals the latest wins', () => {
    const event = (state: 'delayed' | 'delivered' | 'failed' | 'relayed', at: number) => ({ state, at, status: null, diagnostic: null, reportingMta: null, retryUntil: null, reportId: String(at) });
    expect(currentState([event('delivered', 1), event('delayed', 5)])).toBe('delivered');
    expect(currentState([event('delayed', 1), event('relayed', 2)])).toBe('relayed');
    expect(currentState([event('delivered', 1), event('failed', 2)])).toBe('failed');
  });
});

describe('read receipts', () => {
  const notice = { reportingUa: null, originalRecipient: 'bob@example.org', finalRecipient: 'bob@example.org', originalMessageId: 'x', disposition: 'displayed' as const, mode: null, problems: [] };

  it('the first receipt of a recipient is kept; later ones change nothing', () => {
    const first = applyDisposition(sent(), notice, 'm1', 42);
    expect(first.item.recipients[0]?.readReceipt).toEqual({ disposition: 'displayed', at: 42, reportId: 'm1' });
    const second = applyDisposition(first.item, { ...notice, disposition: 'deleted' }, 'm2', 50);
    expect(second.changed).toBe(false);
    expect(second.item.recipients[0]?.readReceipt?.disposition).toBe('displayed');
  });

  it('a receipt from someone who was not a recipient is unmatched', () => {
    const result = applyDisposition(sent(), { ...notice, originalRecipient: 'eve@example.org', finalRecipient: 'eve@example.org' }, 'm3', 1);
    expect(result.changed).toBe(false);
    expect(result.unmatched).toHaveLength(1);
  });
});
