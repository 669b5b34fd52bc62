import { describe, expect, it } from 'vitest';
import { en } from './en';
import { format, t, tPlural } from './t';

describe('format', () => {
  it('fills placeholders', () => {
    expect(format('Invalid address "{input}": {reason}', { input: 'bob@', reason: 'missing the domain after @' })).toBe(
      'Invalid address "bob@": missing the domain after @',
    );
  });
  it('leaves unknown placeholders visible and ignores inherited names', () => {
    expect(format('{a} {b} {toString}', { a: 1 })).toBe('1 {b} {toString}');
  });
  it('inserts values literally, even ones that look like replacement patterns', () => {
    expect(format('x {v}', { v: '$& $1 {w}' })).toBe('x $& $1 {w}');
  });
});

describe('t and tPlural', () => {
  it('looks up keys', () => {
    expect(t('compose.send')).toBe('Send');
  });
  it('chooses the plural form', () => {
    expect(tPlural('status.recovering', 1)).toBe('Recovering 1 message');
    expect(tPlural('status.recovering', 0)).toBe('Recovering 0 messages');
    expect(tPlural('status.recovering', 3)).toBe('Recovering 3 messages');
  });
  it('has no empty strings', () => {
    for (const [key, value] of Object.entries(en)) expect(value, key).not.toBe('');
  });
});
