import { describe, expect, it } from 'vitest';
import { addressValue, chipInfo, entriesOf, splitTyped } from './chips-logic';

describe('splitTyped', () => {
  it('keeps text without a separator as typed', () => {
    expect(splitTyped('ada@exa')).toEqual({ complete: [], rest: 'ada@exa' });
  });
  it('finishes entries at commas and semicolons', () => {
    expect(splitTyped('ada@example.test, bob@')).toEqual({ complete: ['ada@example.test'], rest: 'bob@' });
    expect(splitTyped('a@x.test; b@y.test;')).toEqual({ complete: ['a@x.test', 'b@y.test'], rest: '' });
  });
  it('does not split inside quotes, comments or angle brackets', () => {
    expect(splitTyped('"Lee, Ann" <ann@x.test>, ')).toEqual({ complete: ['"Lee, Ann" <ann@x.test>'], rest: '' });
    expect(splitTyped('"Lee, Ann')).toEqual({ complete: [], rest: '"Lee, Ann' });
    expect(splitTyped('ann@x.test (work, mostly), b@x.test')).toEqual({ complete: ['ann@x.test (work, mostly)'], rest: 'b@x.test' });
    expect(splitTyped('Ann <ann@x,')).toEqual({ complete: [], rest: 'Ann <ann@x,' });
  });
  it('drops empty entries', () => {
    expect(splitTyped(', ,a@x.test,,')).toEqual({ complete: ['a@x.test'], rest: '' });
  });
});

describe('entriesOf and addressValue', () => {
  it('split a whole value and join it back', () => {
    expect(entriesOf('"Lee, Ann" <ann@x.test>, bob@x.test')).toEqual(['"Lee, Ann" <ann@x.test>', 'bob@x.test']);
    expect(entriesOf('')).toEqual([]);
    expect(addressValue(['a@x.test', 'b@x.test'], ' c@x')).toBe('a@x.test, b@x.test, c@x');
    expect(addressValue([], '  ')).toBe('');
  });
});

describe('chipInfo', () => {
  it('shows the display name of a valid entry', () => {
    expect(chipInfo('Ada Lovelace <ada@example.test>')).toEqual({
      label: 'Ada Lovelace',
      full: 'Ada Lovelace <ada@example.test>',
      addresses: ['ada@example.test'],
      problem: null,
    });
    expect(chipInfo('Bob@Example.TEST').label).toBe('Bob@example.test');
  });
  it('gives the reason an entry is invalid', () => {
    expect(chipInfo('bob@').problem).toBe('missing the domain after @');
    expect(chipInfo('bob').problem).toBe('missing @');
  });
  it('refuses an empty group', () => {
    expect(chipInfo('Team:;').problem).toBe('no address in this entry');
  });
});

describe('splitTyped uses the shared tokenizer', () => {
  it('a typed group gives one chip per member, not one for the group name', () => {
    expect(splitTyped('Team: ann@x.test, "Lee, Bob" <bob@x.test>; ')).toEqual({ complete: ['ann@x.test', '"Lee, Bob" <bob@x.test>'], rest: '' });
  });
});
