import { describe, expect, it } from 'vitest';
import { OUTBOX_STATES } from '../../../shared/model';
import { makeItem } from '../../store/test-fixtures';
import {
  attemptsSentence,
  deliverySummary,
  lastReplyText,
  nextTryText,
  recipientsText,
  replyText,
  stateWord,
  subjectText,
  warningBadges,
} from './format';

describe('stateWord', () => {
  it('has a capitalised word for every state', () => {
    expect(OUTBOX_STATES.map(stateWord)).toEqual(['Queued', 'Sending', 'Deferred', 'Sent', 'Failed', 'Cancelled']);
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

describe('nextTryText', () => {
  const now = new Date(2025, 5, 10, 10, 0).getTime();
  it('shows the hold time of a delayed or scheduled message', () => {
    expect(nextTryText(makeItem({ state: 'queued', notBefore: now + 5000 }), now, 'en-GB')).toBe('Held until 10:00:05');
    expect(nextTryText(makeItem({ state: 'queued', notBefore: new Date(2025, 5, 12, 8, 30).getTime() }), now, 'en-GB')).toMatch(
      /^Held until Thu,? 12 Jun,? 08:30$/,
    );
  });
  it('says Now for a queued message that is due', () => {
    expect(nextTryText(makeItem({ state: 'queued', notBefore: now }), now)).toBe('Now');
  });
  it('shows the next attempt of a deferred message, or that it waits for the server', () => {
    expect(nextTryText(makeItem({ state: 'deferred', notBefore: now + 60_000 }), now, 'en-GB')).toBe('10:01:00');
    expect(nextTryText(makeItem({ state: 'deferred', notBefore: now }), now)).toBe('As soon as the server can be reached');
  });
  it('shows nothing for other states', () => {
    expect(nextTryText(makeItem({ state: 'failed' }), now)).toBe('—');
  });
});

describe('replies', () => {
  it('writes a reply as the server sent it', () => {
    expect(replyText({ code: 550, enhanced: '5.1.1', text: 'User unknown' })).toBe('550 5.1.1 User unknown');
    expect(replyText({ code: 250, text: 'Ok' })).toBe('250 Ok');
  });
  it('prefers the reason of a failure to the last reply', () => {
    expect(lastReplyText(makeItem({ lastReply: { code: 250, text: 'Ok' } }))).toBe('250 Ok');
    expect(lastReplyText(makeItem({ lastReply: { code: 250, text: 'Ok' }, error: { code: 'TIMEOUT', message: 'No answer in 60 s' } }))).toBe(
      'No answer in 60 s',
    );
    expect(lastReplyText(makeItem())).toBe('—');
  });
});

describe('attemptsSentence', () => {
  it('counts attempts, or says none was used', () => {
    expect(attemptsSentence({ attempts: 1 })).toBe('Tried once');
    expect(attemptsSentence({ attempts: 3 })).toBe('Tried 3 times');
    expect(attemptsSentence({ attempts: 0 })).toBe('No attempt used yet');
  });
});

describe('deliverySummary', () => {
  it('counts results per recipient', () => {
    expect(deliverySummary([{ state: 'accepted' }, { state: 'accepted' }, { state: 'rejected' }])).toBe('2 accepted · 1 rejected');
    expect(deliverySummary([{ state: 'pending' }])).toBe('1 pending');
    expect(deliverySummary([])).toBe('0 accepted');
  });
});

describe('warningBadges', () => {
  it('labels each warning once', () => {
    expect(warningBadges(['NO_DSN_SUPPORT', 'NO_DSN_SUPPORT']).map((b) => b.label)).toEqual(['No DSN support']);
    expect(warningBadges(['POSSIBLE_DUPLICATE'])[0]?.label).toBe('Possible duplicate');
  });
});
