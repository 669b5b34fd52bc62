import { describe, expect, it } from 'vitest';
import { deliveryFailedText, failureText, missedEndsText, partlyRefusedText, queuedNote } from './alerts-logic';
import { makeItem } from '../../store/test-fixtures';

describe('failureText', () => {
  const failed = makeItem({ state: 'failed', subject: 'Plans', error: { code: 'SERVER_REJECTED', message: '554 5.7.1 Relay access denied' } });
  it('speaks up when a message fails for good', () => {
    expect(failureText(makeItem({ state: 'sending' }), failed)).toBe('“Plans” could not be sent: 554 5.7.1 Relay access denied');
    expect(failureText(undefined, failed)).not.toBeNull();
  });
  it('says it once', () => {
    expect(failureText(failed, { ...failed, updatedAt: 9 })).toBeNull();
    expect(failureText(undefined, makeItem({ state: 'deferred' }))).toBeNull();
  });
});

describe('partlyRefusedText', () => {
  const reply = { code: 550, enhanced: '5.1.1', text: 'No such user' };
  const sent = makeItem({
    state: 'sent',
    subject: 'Plans',
    recipients: [
      { address: 'ada@example.test', field: 'to', state: 'accepted' },
      { address: 'nobody@example.test', field: 'cc', state: 'rejected', reply },
    ],
  });
  it('names each refused recipient with the server’s words when the message is sent to the others', () => {
    expect(partlyRefusedText(makeItem({ state: 'sending' }), sent)).toMatch(/^“Plans” was sent, but not to: nobody@example\.test \(550 5\.1\.1 No such user\)$/);
  });
  it('stays quiet when everyone accepted, and says it once', () => {
    expect(partlyRefusedText(undefined, { ...sent, recipients: [{ address: 'ada@example.test', field: 'to', state: 'accepted' }] })).toBeNull();
    expect(partlyRefusedText(sent, { ...sent, updatedAt: 9 })).toBeNull();
  });
});

describe('queuedNote', () => {
  const now = 100_000;
  it('counts down the undo delay', () => {
    expect(queuedNote(makeItem({ state: 'queued', notBefore: now + 4_200 }), now, now)).toEqual({ visible: true, secondsLeft: 5 });
  });
  it('goes once the message leaves the queue or its hold ends', () => {
    expect(queuedNote(makeItem({ state: 'sending', notBefore: now + 4_000 }), now, now)).toEqual({ visible: false });
    expect(queuedNote(makeItem({ state: 'queued', notBefore: now }), now, now)).toEqual({ visible: false });
    expect(queuedNote(undefined, now, now)).toEqual({ visible: false });
  });
  it('shows a Send-later message briefly, without a countdown', () => {
    const later = makeItem({ state: 'queued', notBefore: now + 3_600_000 });
    expect(queuedNote(later, now, now)).toEqual({ visible: true, secondsLeft: null });
    expect(queuedNote(later, now + 10_000, now)).toEqual({ visible: false });
  });
});

describe('deliveryFailedText', () => {
  const failedEvent = { state: 'failed' as const, at: 5, status: '5.1.1', diagnostic: '550 5.1.1 no such user', reportingMta: 'mx.test', retryUntil: null, reportId: 'r1' };
  const before = makeItem({ state: 'sent', subject: 'Plans', recipients: [{ address: 'ada@example.test', field: 'to', state: 'accepted' }, { address: 'bob@example.test', field: 'to', state: 'accepted' }] });
  const after = { ...before, recipients: [before.recipients[0]!, { ...before.recipients[1]!, delivery: { state: 'failed' as const, events: [failedEvent] } }] };
  it('names a recipient a report says did not get the message, with the remote words, once', () => {
    expect(deliveryFailedText(before, after)).toBe('“Plans” did not reach: bob@example.test (5.1.1 550 5.1.1 no such user)');
    expect(deliveryFailedText(after, { ...after, updatedAt: 99 })).toBeNull();
  });
  it('stays quiet for delays and deliveries', () => {
    const delayed = { ...before, recipients: [{ ...before.recipients[0]!, delivery: { state: 'delayed' as const, events: [{ ...failedEvent, state: 'delayed' as const }] } }] };
    expect(deliveryFailedText(before, delayed)).toBeNull();
  });
});

describe('missedEndsText', () => {
  it('names the first three messages that failed while no window was open and counts the rest, so the note stays a note', () => {
    const failed = Array.from({ length: 10 }, (_, i) => makeItem({ id: `item-${i}`, state: 'failed', subject: `Plan ${i}`, updatedAt: 100 + i, error: { code: 'SERVER_REJECTED', message: '554 no' } }));
    const text = missedEndsText(failed, 50) ?? '';
    expect(text.match(/could not be sent/g)).toHaveLength(3);
    expect(text).toContain('and 7 more');
    expect(missedEndsText(failed.slice(0, 2), 50)?.match(/could not be sent/g)).toHaveLength(2);
    expect(missedEndsText(failed, 1_000)).toBeNull();
  });
});
