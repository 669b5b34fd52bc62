import { describe, expect, it } from 'vitest';
import { dateLocaleFor, pickLanguage } from './language-logic';

describe('pickLanguage', () => {
  it('keeps a stored choice', () => {
    expect(pickLanguage('ru', ['fr-FR'])).toBe('ru');
  });
  it('ignores a stored value it does not speak', () => {
    expect(pickLanguage('de', ['fr-CA'])).toBe('fr');
  });
  it('takes the first preferred language the app speaks', () => {
    expect(pickLanguage(null, ['de-DE', 'ru-RU', 'fr'])).toBe('ru');
    expect(pickLanguage(undefined, ['FR_be'])).toBe('fr');
  });
  it('falls back to English', () => {
    expect(pickLanguage(null, ['de', 'ja-JP'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});

describe('dateLocaleFor', () => {
  it('uses the system’s regional variant of the same language', () => {
    expect(dateLocaleFor('en', ['en-GB', 'fr-FR'])).toBe('en-GB');
    expect(dateLocaleFor('fr', ['en-GB', 'fr-CA'])).toBe('fr-CA');
  });
  it('uses the language itself otherwise', () => {
    expect(dateLocaleFor('ru', ['en-GB'])).toBe('ru');
  });
});
