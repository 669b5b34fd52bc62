import { describe, expect, it } from 'vitest';
import { compareEntries, entryKey, mergeEntries } from './transcript-logic';
import { makeEntry } from './test-fixtures';

describe('mergeEntries', () => {
  it('drops lines already present (same connection and seq)', () => {
    const first = makeEntry({ seq: 1 });
    const current = [first];
    expect(mergeEntries(current, [{ ...first }])).toBe(current);
  });

  it('appends a live line after the loaded ones', () => {
    const merged = mergeEntries([makeEntry({ seq: 1 }), makeEntry({ seq: 2, at: 1001 })], [makeEntry({ seq: 3, at: 1002 })]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('merges a loaded transcript into lines that arrived live while it loaded', () => {
    const live = [makeEntry({ seq: 3, at: 1003 }), makeEntry({ seq: 4, at: 1004 })];
    const loaded = [1, 2, 3].map((seq) => makeEntry({ seq, at: 1000 + seq }));
    expect(mergeEntries(live, loaded).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('keeps seq order within a connection even when timestamps tie', () => {
    const merged = mergeEntries([], [makeEntry({ seq: 2, at: 5 }), makeEntry({ seq: 1, at: 5 })]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('orders separate connections (retries) by time', () => {
    const retry = makeEntry({ connectionId: 'c2', seq: 1, at: 5000 });
    const first = makeEntry({ connectionId: 'c1', seq: 9, at: 1000 });
    expect(mergeEntries([retry], [first]).map((e) => e.connectionId)).toEqual(['c1', 'c2']);
    expect(compareEntries(first, retry)).toBeLessThan(0);
  });

  it('treats the same seq on different connections as different lines', () => {
    expect(entryKey(makeEntry({ connectionId: 'c1', seq: 1 }))).not.toBe(entryKey(makeEntry({ connectionId: 'c2', seq: 1 })));
    expect(mergeEntries([makeEntry({ connectionId: 'c1' })], [makeEntry({ connectionId: 'c2', at: 2000 })])).toHaveLength(2);
  });
});
