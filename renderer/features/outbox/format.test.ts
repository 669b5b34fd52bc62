import { describe, expect, it } from 'vitest';
import { OUTBOX_STATES } from '../../../shared/model';
import { formatClock } from '../../format/time';
import { makeItem } from '../../store/test-fixtures';
import { recipientsText, stateWord, subjectText, timeNote, warningBadges } from './format';

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
  it('shows the next attempt of a deferred message', () => {
    expect(timeNote(makeItem({ state: 'deferred', notBefore: 9000 }), 1000)).toBe(`Next attempt at ${formatClock(9000)}`);
  });
  it('shows when it was sent', () => {
    expect(timeNote(makeItem({ state: 'sent', sentAt: 7000 }), 8000)).toBe(`Accepted by the server at ${formatClock(7000)}`);
  });
  it('falls back to the creation time', () => {
    expect(timeNote(makeItem({ state: 'queued', notBefore: 1000, createdAt: 1000 }), 2000)).toBe(`Created at ${formatClock(1000)}`);
  });
});

describe('warningBadges', () => {
  it('labels each warning once', () => {
    expect(warningBadges(['NO_DSN_SUPPORT', 'NO_DSN_SUPPORT']).map((b) => b.label)).toEqual(['No DSN support']);
    expect(warningBadges(['POSSIBLE_DUPLICATE'])[0]?.label).toBe('Possible duplicate');
  });
});
