import { describe, expect, it } from 'vitest';
import { makeItem } from '../../store/test-fixtures';
import { knownAddresses, suggest, suggestionEntry } from './address-book';

const items = [
  makeItem({ createdAt: 1, recipients: [{ address: 'ada@example.test', field: 'to', state: 'accepted' }] }),
  makeItem({
    createdAt: 2,
    recipients: [
      { address: 'ada@example.test', name: 'Ada Lovelace', field: 'to', state: 'accepted' },
      { address: 'charles@example.test', name: 'Babbage, Charles', field: 'cc', state: 'pending' },
    ],
  }),
];
const drafts = [{ to: 'Grace Hopper <grace@navy.test>, bad@', cc: '', bcc: 'ADA@example.test', updatedAt: 3 }];

describe('knownAddresses', () => {
  it('collects recipients and draft addresses, most used first, latest name kept', () => {
    const book = knownAddresses(items, []);
    expect(book).toEqual([
      { address: 'ada@example.test', name: 'Ada Lovelace', uses: 2, lastUsed: 2 },
      { address: 'charles@example.test', name: 'Babbage, Charles', uses: 1, lastUsed: 2 },
    ]);
  });
  it('reads drafts, skipping fields that do not parse', () => {
    const book = knownAddresses(items, drafts);
    expect(book.map((k) => k.address)).toEqual(['ada@example.test', 'charles@example.test']);
    const ok = knownAddresses(items, [{ ...drafts[0]!, to: 'Grace Hopper <grace@navy.test>' }]);
    expect(ok.find((k) => k.address === 'grace@navy.test')?.name).toBe('Grace Hopper');
    expect(ok[0]).toMatchObject({ address: 'ada@example.test', uses: 3, name: 'Ada Lovelace' });
  });
});

describe('suggest', () => {
  const book = knownAddresses(items, [{ to: 'Grace Hopper <grace@navy.test>', cc: '', bcc: '', updatedAt: 3 }]);
  it('matches the start of the address or of a name word', () => {
    expect(suggest(book, 'ada', new Set()).map((k) => k.address)).toEqual(['ada@example.test']);
    expect(suggest(book, 'hop', new Set()).map((k) => k.address)).toEqual(['grace@navy.test']);
    expect(suggest(book, 'CHARLES', new Set()).map((k) => k.address)).toEqual(['charles@example.test']);
  });
  it('leaves out addresses already chosen and nothing for empty text', () => {
    expect(suggest(book, 'a', new Set(['ada@example.test'])).map((k) => k.address)).not.toContain('ada@example.test');
    expect(suggest(book, '  ', new Set())).toEqual([]);
  });
  it('offers nothing when the one match is typed in full', () => {
    expect(suggest(book, 'grace@navy.test', new Set())).toEqual([]);
  });
  it('turns a suggestion into chip text', () => {
    expect(suggestionEntry({ address: 'c@x.test', name: 'Babbage, Charles', uses: 1, lastUsed: 1 })).toBe('"Babbage, Charles" <c@x.test>');
    expect(suggestionEntry({ address: 'c@x.test', uses: 1, lastUsed: 1 })).toBe('c@x.test');
  });
});
