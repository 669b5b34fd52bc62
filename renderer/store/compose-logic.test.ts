import { describe, expect, it } from 'vitest';
import { toLocalInputValue } from '../format/time';
import { addressFieldError, blurError, checkDraft, checkSendAt, chipsFromRecipients, emptyFields, parseDelay } from './compose-logic';
import { makeItem } from './test-fixtures';

const NOW = new Date(2025, 5, 10, 10, 0, 0).getTime();
const MINUTE = 60_000;
const at = { now: NOW };

describe('addressFieldError', () => {
  it('names the bad entry and the reason', () => {
    expect(addressFieldError('bob@', true)).toBe('Invalid address "bob@": missing the domain after @');
  });
  it('lists every bad entry', () => {
    expect(addressFieldError('ann@example.test, bob@, carol', false)).toBe(
      'Invalid address "bob@": missing the domain after @; Invalid address "carol": missing @',
    );
  });
  it('accepts display names and several recipients', () => {
    expect(addressFieldError('"Lee, Ann" <ann@example.test>, bob@example.test', true)).toBeNull();
  });
  it('requires a recipient only when asked', () => {
    expect(addressFieldError('  ', true)).toBe('Add at least one recipient in To.');
    expect(addressFieldError('', false)).toBeNull();
  });
  it('shortens a very long bad entry', () => {
    const message = addressFieldError(`${'x'.repeat(200)}@`, true) ?? '';
    expect(message.length).toBeLessThan(160);
    expect(message).toContain('…');
  });
});

describe('blurError', () => {
  it('does not complain about an empty To on blur', () => {
    expect(blurError('to', '')).toBeNull();
  });
  it('reports a bad address on blur', () => {
    expect(blurError('cc', 'bob@')).toContain('missing the domain after @');
  });
});

describe('parseDelay', () => {
  it('takes empty as no delay, anything else as Settings does', () => {
    expect(parseDelay(' ')).toBe(0);
    expect(parseDelay(' 60 ')).toBe(60);
    expect(parseDelay('61')).toBeNull();
  });
});

describe('checkDraft', () => {
  it('refuses an empty To with a reason', () => {
    const check = checkDraft(emptyFields, at);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.firstInvalid).toBe('to');
    expect(check.summary).toBe('Not sent. To: Add at least one recipient in To.');
  });

  it('summarises every invalid field in form order', () => {
    const check = checkDraft({ ...emptyFields, to: 'bob@', cc: 'x', delay: '99' }, at);
    if (check.ok) throw new Error('expected refusal');
    expect(Object.keys(check.errors).sort()).toEqual(['cc', 'delay', 'to']);
    expect(check.summary).toMatch(/^Not sent\. To: Invalid address "bob@": missing the domain after @ Cc: .* Undo delay/);
  });

  it('builds the submit request, leaving out an empty Cc', () => {
    const check = checkDraft({ to: 'bob@example.test', cc: ' ', bcc: '', subject: 'Hi', text: 'Body', html: '', delay: '5', sendAt: '' }, at);
    expect(check).toEqual({ ok: true, draft: { to: 'bob@example.test', subject: 'Hi', text: 'Body', delaySeconds: 5 } });
  });

  it('passes the HTML body along with its plain text when there is one', () => {
    const check = checkDraft({ ...emptyFields, to: 'bob@example.test', text: 'Hi', html: '<p><strong>Hi</strong></p>' }, at);
    expect(check.ok && check.draft).toMatchObject({ text: 'Hi', html: '<p><strong>Hi</strong></p>' });
  });

  it('passes Cc through as typed', () => {
    const check = checkDraft({ ...emptyFields, to: 'bob@example.test', cc: 'Ann <ann@example.test>' }, at);
    expect(check.ok && check.draft.cc).toBe('Ann <ann@example.test>');
  });
});

describe('checkDraft: undo delay', () => {
  const fields = { ...emptyFields, to: 'bob@example.test' };
  it('leaves an untouched empty delay to the core (its undoSendSeconds setting)', () => {
    const check = checkDraft({ ...fields, delay: '' }, at);
    expect(check.ok && 'delaySeconds' in check.draft).toBe(false);
  });
  it('sends the delay shown, whether it came from the settings or the user', () => {
    expect(checkDraft({ ...fields, delay: '7' }, at)).toMatchObject({ ok: true, draft: { delaySeconds: 7 } });
    expect(checkDraft({ ...fields, delay: '0' }, { now: NOW, delayEdited: true })).toMatchObject({ ok: true, draft: { delaySeconds: 0 } });
  });
  it('treats a delay the user emptied as no delay', () => {
    expect(checkDraft({ ...fields, delay: '' }, { now: NOW, delayEdited: true })).toMatchObject({ ok: true, draft: { delaySeconds: 0 } });
  });
});

describe('checkSendAt', () => {
  it('is fine empty (send now)', () => {
    expect(checkSendAt('', NOW)).toEqual({ ok: true, sendAt: null });
  });
  it('reads the input as local time', () => {
    expect(checkSendAt('2025-06-10T10:05', NOW)).toEqual({ ok: true, sendAt: NOW + 5 * MINUTE });
  });
  it('refuses a time that is not in the future', () => {
    expect(checkSendAt(toLocalInputValue(NOW), NOW)).toEqual({ ok: false, error: 'Send later must be a time in the future.' });
    expect(checkSendAt('2025-06-09T23:59', NOW)).toEqual({ ok: false, error: 'Send later must be a time in the future.' });
  });
  it('refuses more than a year ahead', () => {
    expect(checkSendAt('2026-07-01T10:00', NOW)).toEqual({ ok: false, error: 'Send later can be at most a year ahead.' });
  });
  it('refuses nonsense and a partly typed date', () => {
    expect(checkSendAt('2025-02-30T10:00', NOW).ok).toBe(false);
    expect(checkSendAt('tomorrow', NOW).ok).toBe(false);
    expect(checkSendAt('', NOW, true)).toEqual({ ok: false, error: 'Enter a full date and time, or leave Send later empty.' });
  });
});

describe('checkDraft: send later', () => {
  const fields = { ...emptyFields, to: 'bob@example.test', subject: 'Later' };
  it('adds sendAt and leaves the undo delay out (it does not apply)', () => {
    expect(checkDraft({ ...fields, delay: '99', sendAt: '2025-06-10T10:02' }, at)).toEqual({
      ok: true,
      draft: { to: 'bob@example.test', subject: 'Later', text: '', sendAt: NOW + 2 * MINUTE },
    });
  });
  it('marks a past time as the invalid field', () => {
    const check = checkDraft({ ...fields, sendAt: '2025-06-10T09:00' }, at);
    if (check.ok) throw new Error('expected refusal');
    expect(check.firstInvalid).toBe('sendAt');
    expect(check.summary).toBe('Not sent. Send later: Send later must be a time in the future.');
  });
  it('refuses to send now when the date was only partly typed', () => {
    const check = checkDraft(fields, { now: NOW, sendAtIncomplete: true });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors.sendAt).toBe('Enter a full date and time, or leave Send later empty.');
  });
});

describe('checkDraft: Bcc', () => {
  it('passes Bcc through and checks it like Cc', () => {
    expect(checkDraft({ ...emptyFields, to: 'bob@example.test', bcc: 'eve@example.test' }, at)).toMatchObject({ ok: true, draft: { bcc: 'eve@example.test' } });
    const check = checkDraft({ ...emptyFields, to: 'bob@example.test', bcc: 'eve' }, at);
    expect(!check.ok && check.firstInvalid).toBe('bcc');
    expect(!check.ok && check.summary).toBe('Not sent. Bcc: Invalid address "eve": missing @');
  });
});

describe('chipsFromRecipients', () => {
  it('puts each recipient back in its field, quoting names that need it', () => {
    const item = makeItem({
      recipients: [
        { address: 'ann@x.test', name: 'Lee, Ann', field: 'to', state: 'pending' },
        { address: 'bob@x.test', field: 'to', state: 'pending' },
        { address: 'cy@x.test', name: 'Cy', field: 'cc', state: 'pending' },
        { address: 'eve@x.test', field: 'bcc', state: 'pending' },
      ],
    });
    expect(chipsFromRecipients(item.recipients)).toEqual({
      to: ['"Lee, Ann" <ann@x.test>', 'bob@x.test'],
      cc: ['Cy <cy@x.test>'],
      bcc: ['eve@x.test'],
    });
  });
  it('gives entries that pass the check again', () => {
    const chips = chipsFromRecipients([{ address: 'ann@x.test', name: 'Lee, Ann', field: 'to', state: 'pending' }]);
    expect(checkDraft({ ...emptyFields, to: chips.to.join(', ') }, at).ok).toBe(true);
  });
});
