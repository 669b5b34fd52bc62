import { describe, expect, it } from 'vitest';
import { addressFieldError, blurError, checkDraft, emptyFields, parseDelay } from './compose-logic';

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
  it('accepts whole seconds from 0 to 60, empty as 0', () => {
    expect(parseDelay('')).toBe(0);
    expect(parseDelay('0')).toBe(0);
    expect(parseDelay(' 60 ')).toBe(60);
  });
  it('refuses anything else', () => {
    for (const bad of ['61', '-1', '1.5', 'abc', '1e1']) expect(parseDelay(bad), bad).toBeNull();
  });
});

describe('checkDraft', () => {
  it('refuses an empty To with a reason', () => {
    const check = checkDraft(emptyFields);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.firstInvalid).toBe('to');
    expect(check.summary).toBe('Not sent. To: Add at least one recipient in To.');
  });

  it('summarises every invalid field in form order', () => {
    const check = checkDraft({ ...emptyFields, to: 'bob@', cc: 'x', delay: '99' });
    if (check.ok) throw new Error('expected refusal');
    expect(Object.keys(check.errors).sort()).toEqual(['cc', 'delay', 'to']);
    expect(check.summary).toMatch(/^Not sent\. To: Invalid address "bob@": missing the domain after @ Cc: .* Undo delay/);
  });

  it('builds the submit request, leaving out an empty Cc', () => {
    const check = checkDraft({ to: 'bob@example.test', cc: ' ', subject: 'Hi', text: 'Body', delay: '5' });
    expect(check).toEqual({ ok: true, draft: { to: 'bob@example.test', subject: 'Hi', text: 'Body', delaySeconds: 5 } });
  });

  it('passes Cc through as typed', () => {
    const check = checkDraft({ ...emptyFields, to: 'bob@example.test', cc: 'Ann <ann@example.test>' });
    expect(check.ok && check.draft.cc).toBe('Ann <ann@example.test>');
  });
});
