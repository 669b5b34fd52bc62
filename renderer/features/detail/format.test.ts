import { describe, expect, it } from 'vitest';
import { dsnText, errorHeadline, fieldName, recipientReply, resultWord } from './format';

describe('dsnText', () => {
  it('lists the events asked for, the language’s way', () => {
    expect(dsnText({ notify: { success: true, failure: true, delay: true }, ret: 'headers' }, 'en')).toBe(
      'Requested: notify on success, failure, and delay; return headers only.',
    );
    expect(dsnText({ notify: { success: false, failure: true, delay: false }, ret: 'full' }, 'en')).toBe(
      'Requested: notify on failure; return the full message.',
    );
  });
  it('says when no notification was asked for', () => {
    expect(dsnText({ notify: { success: false, failure: false, delay: false }, ret: 'headers' }, 'en')).toBe(
      'Requested: never notify; return headers only.',
    );
  });
});

describe('recipients', () => {
  it('words the result and quotes the server', () => {
    expect(resultWord('rejected')).toBe('Rejected');
    // A failed message's recipient the server never heard of was not refused: it was not sent to.
    expect(resultWord('pending', true)).toBe('Not sent');
    expect(resultWord('pending')).toBe('Pending');
    expect(recipientReply({ reply: { code: 550, enhanced: '5.1.1', text: 'User unknown' } })).toBe('550 5.1.1 User unknown');
    expect(recipientReply({})).toBe('No reply yet');
    expect(fieldName('bcc')).toBe('Bcc');
  });
});

describe('errorHeadline', () => {
  it('has a sentence for a code', () => {
    expect(errorHeadline('TOO_LATE')).toBe('Too late: the message has been handed to the server.');
  });
  it('does not call a refusal that will be retried final', () => {
    expect(errorHeadline('SERVER_REJECTED', true)).toBe('The server turned the message away for now; it will be tried again.');
    expect(errorHeadline('SERVER_REJECTED')).toBe('The server refused the message.');
  });
});

describe('error codes', () => {
  it('has a sentence for every code the core can send', async () => {
    const { ERROR_CODES } = await import('../../../shared/errors');
    const { en } = await import('../../../shared/i18n/en');
    for (const code of ERROR_CODES) expect(en, code).toHaveProperty([`errors.${code}`]);
  });
  it('falls back for a code it does not know', () => {
    expect(errorHeadline('SOMETHING_NEW')).toBe('Something went wrong inside the app.');
  });
});
