/**
 * The catalogues are complete: every language has every key English has, each
 * plural key in every form that language's plural rules use (from
 * Intl.PluralRules), the same placeholders, and nothing extra or empty.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { catalogues } from '../../shared/i18n/catalogues';
import { LANGUAGES } from '../../shared/i18n/language-logic';
import { PLURAL_CATEGORIES } from '../../shared/i18n/types';

const PLURAL_SUFFIX = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);
const englishKeys = Object.keys(en);
const pluralBases = [...new Set(englishKeys.filter((k) => k.endsWith('_other')).map((k) => k.replace(/_other$/, '')))];
const plainKeys = englishKeys.filter((k) => !(PLURAL_SUFFIX.test(k) && pluralBases.includes(k.replace(PLURAL_SUFFIX, ''))));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

/** The keys a language must have: plain keys, and each plural base in each of its plural categories. */
function expectedKeys(language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  return [...plainKeys, ...pluralBases.flatMap((base) => categories.map((c) => `${base}_${c}`))].sort();
}

describe.each(LANGUAGES)('the %s catalogue', (language) => {
  const catalogue: Record<string, string> = catalogues[language];

  it('has exactly the keys the language needs, plural forms included', () => {
    const keys = Object.keys(catalogue).sort();
    const expected = expectedKeys(language);
    expect(expected.filter((k) => !keys.includes(k)), 'missing').toEqual([]);
    expect(keys.filter((k) => !expected.includes(k)), 'not used in this language').toEqual([]);
  });

  it('has no empty text', () => {
    for (const [key, value] of Object.entries(catalogue)) expect(value.trim(), key).not.toBe('');
  });

  it('uses the same placeholders as English', () => {
    for (const [key, value] of Object.entries(catalogue)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const reference = pluralBases.includes(base) ? `${base}_other` : key;
      // A plural form may leave the number out ("Tried once"); it must not invent other values.
      const expected = placeholders((en as Record<string, string>)[reference] ?? '').filter((p) => !(pluralBases.includes(base) && p === 'count'));
      expect(placeholders(value).filter((p) => !(pluralBases.includes(base) && p === 'count')), key).toEqual(expected);
    }
  });
});

describe('plural rules', () => {
  it('covers the Russian forms one, few, many and other', () => {
    expect(new Intl.PluralRules('ru').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(Object.keys(catalogues.ru)).toEqual(expect.arrayContaining(['outbox.tried_one', 'outbox.tried_few', 'outbox.tried_many', 'outbox.tried_other']));
  });
});
