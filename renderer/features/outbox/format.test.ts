import { describe, expect, it } from 'vitest';
import { OUTBOX_STATES } from '../../../shared/model';
import { formatClock } from '../../format/time';
import { makeItem } from '../../store/test-fixtures';
import { deferredNote, recipientsText, stateWord, subjectText, timeNote, warningBadges } from './format';

describe('stateWord', () => {
  it('has a capitalised word for every state', () => {
    expect(OUTBOX_STATES.map(stateWord)).toEqual(['Draft', 'Queued', 'Sending', 'Deferred', 'Sent', 'Failed', 'Cancelled']);
  });
});

describe('recipientsText', () => {
  it('formats each mailbox and marks rejected ones', () => {
    expect(
      recipientsText([
        { address: 'ann@x.test', name: 'Lee, Ann', field: 'to', state: 'accepted' },
        { address: 'bob@x.test', field: 'cc', state: 'rejected' },
      ]),
    ).toBe('"Lee, Ann" <ann@x.test>, bob@x.test (rejected)');
  });
  it('says when there are none', () => {
    expect(recipientsText([])).toBe('(no recipients)');
  });
});

describe('subjectText', () => {
  it('replaces an empty subject', () => {
    expect(subjectText(' ')).toBe('(no subject)');
    expect(subjectText('Hi')).toBe('Hi');
  });
});

describe('timeNote', () => {
  it('shows the hold time of a delayed message', () => {
    expect(timeNote(makeItem({ state: 'queued', notBefore: 5000 }), 1000)).toBe(`Held until ${formatClock(5000)}`);
  });
  it('shows the attempts and the next try of a deferred message', () => {
    expect(timeNote(makeItem({ state: 'deferred', attempts: 2, notBefore: 9000 }), 1000)).toBe(`Tried 2 times · next try at ${formatClock(9000)}`);
  });
  it('adds the date to a hold time that is not today', () => {
    const now = new Date(2025, 5, 10, 10, 0).getTime();
    const later = new Date(2025, 5, 12, 8, 30).getTime();
    expect(timeNote(makeItem({ state: 'queued', notBefore: later }), now, 'en-GB')).toMatch(/^Held until Thu,? 12 Jun, 08:30:00$/);
    const today = new Date(2025, 5, 10, 18, 0).getTime();
    expect(timeNote(makeItem({ state: 'queued', notBefore: today }), now, 'en-GB')).toBe('Held until 18:00:00');
  });
  it('shows when it was sent', () => {
    expect(timeNote(makeItem({ state: 'sent', sentAt: 7000 }), 8000)).toBe(`Accepted by the server at ${formatClock(7000)}`);
  });
  it('falls back to the creation time', () => {
    expect(timeNote(makeItem({ state: 'queued', notBefore: 1000, createdAt: 1000 }), 2000)).toBe(`Created at ${formatClock(1000)}`);
  });
});

describe('deferredNote', () => {
  const now = new Date(2025, 5, 10, 10, 0).getTime();
  it('counts attempts', () => {
    expect(deferredNote({ attempts: 1, notBefore: now + 60_000 }, now)).toBe(`Tried once · next try at ${formatClock(now + 60_000)}`);
  });
  it('says when no attempt was used (the server could not be reached)', () => {
    expect(deferredNote({ attempts: 0, notBefore: now }, now)).toBe('No attempt used yet · next try as soon as the server can be reached');
  });
  it('dates a next try on another day', () => {
    const tomorrow = new Date(2025, 5, 11, 9, 0).getTime();
    expect(deferredNote({ attempts: 5, notBefore: tomorrow }, now, 'en-GB')).toMatch(/^Tried 5 times · next try at Wed,? 11 Jun, 09:00:00$/);
  });
});

describe('warningBadges', () => {
  it('labels each warning once', () => {
    expect(warningBadges(['NO_DSN_SUPPORT', 'NO_DSN_SUPPORT']).map((b) => b.label)).toEqual(['No DSN support']);
    expect(warningBadges(['POSSIBLE_DUPLICATE'])[0]?.label).toBe('Possible duplicate');
  });
});
