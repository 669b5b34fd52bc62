/**
 * Wording rules the layout and the user depend on, in every language: a
 * number never wraps away from its unit, and discarding what one is writing
 * is not named like deleting a stored message.
 */
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n/catalogues';
import { LANGUAGES } from '../../shared/i18n/language-logic';

describe.each(LANGUAGES)('the %s catalogue', (language) => {
  const catalogue: Record<string, string> = catalogues[language];

  it('joins a number to its unit of seconds with a no-break space', () => {
    // "{seconds} s" with an ordinary space lets "s" wrap onto the next line by itself.
    const loose = Object.entries(catalogue).filter(([, text]) => /\}[ \t](s|с)(?=[\s,.;:)]|$)/u.test(text));
    expect(loose.map(([key]) => key)).toEqual([]);
    expect(catalogue['compose.delayDefaultHint']).toMatch(/\{seconds\}\u00a0/);
  });

  it('names Discard (Compose) apart from Delete (a stored message or draft)', () => {
    for (const del of ['outbox.delete', 'drafts.delete', 'outbox.deleteConfirm']) {
      expect(catalogue['compose.discard'], del).not.toBe(catalogue[del]);
      expect(catalogue['compose.discardConfirm'], del).not.toBe(catalogue[del]);
    }
    expect(catalogue['compose.discardTitle']).not.toBe(catalogue['outbox.deleteTitle']);
  });
});
