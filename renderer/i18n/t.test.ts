import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { i18n } from './i18n';
import { LANGUAGES } from '../../shared/i18n/language-logic';
import { t, tPlural, type MessageKey } from './t';

afterEach(() => i18n.changeLanguage('en'));

describe('t', () => {
  it('looks keys up and fills placeholders', () => {
    expect(t('compose.send')).toBe('Send');
    expect(t('compose.invalidAddress', { input: 'bob@', reason: 'missing the domain after @' })).toBe('Invalid address "bob@": missing the domain after @');
  });
  it('leaves an unknown placeholder visible', () => {
    expect(t('compose.invalidAddress', { input: 'x' })).toBe('Invalid address "x": {reason}');
  });
  it('inserts values literally, even ones that look like patterns or nesting', () => {
    expect(t('compose.fieldError', { field: '$& $1 {reason}', message: '$t(compose.send)' })).toBe('$& $1 {reason}: $t(compose.send)');
  });
  it('gives what i18next gives, for every key of every catalogue, with values present, missing or tricky', () => {
    const keys = Object.keys(en) as MessageKey[];
    const tricky = ['$& $1', '{reason}', '$t(compose.send)', '', 0, 42];
    for (const language of LANGUAGES) {
      void i18n.changeLanguage(language);
      for (const key of keys) {
        const names = [...i18n.t(key).matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        expect(t(key), `${language} ${key}`).toBe(i18n.t(key));
        tricky.forEach((value, i) => {
          // Every other placeholder left out, to check missing ones stay visible.
          const vars = Object.fromEntries(names.filter((_, n) => (n + i) % 2 === 0).map((name) => [name, value]));
          expect(t(key, vars), `${language} ${key} ${JSON.stringify(vars)}`).toBe(i18n.t(key, vars));
        });
      }
    }
  });
  it('switches language at once', () => {
    void i18n.changeLanguage('fr');
    expect(t('compose.send')).toBe('Envoyer');
    void i18n.changeLanguage('ru');
    expect(t('compose.send')).toBe('Отправить');
  });
});

describe('tPlural', () => {
  it('chooses the English form', () => {
    expect(tPlural('status.recovering', 1)).toBe('Recovering 1 message');
    expect(tPlural('status.recovering', 0)).toBe('Recovering 0 messages');
    expect(tPlural('status.recovering', 3)).toBe('Recovering 3 messages');
  });
  it('chooses the Russian one, few and many forms', () => {
    void i18n.changeLanguage('ru');
    expect([1, 2, 5, 21, 22, 25, 11].map((n) => tPlural('outbox.tried', n))).toEqual([
      '1 попытка',
      '2 попытки',
      '5 попыток',
      '21 попытка',
      '22 попытки',
      '25 попыток',
      '11 попыток',
    ]);
  });
  it('chooses the French forms, 0 and 1 singular', () => {
    void i18n.changeLanguage('fr');
    expect([0, 1, 2].map((n) => tPlural('nav.drafts', n))).toEqual(['0 brouillon', '1 brouillon', '2 brouillons']);
  });
});
