import { describe, expect, it } from 'vitest';
import { mountedIndexes, preparedRange } from './row-window-logic';

describe('preparedRange', () => {
  it('keeps a margin either side of the view when the list is still', () => {
    expect(preparedRange({ start: 10, end: 16 }, null, 100, 4, 1)).toEqual({ start: 6, end: 20 });
  });
  it('while scrolling, prepares the next screen and a row ahead, and only what the frame renders behind', () => {
    expect(preparedRange({ start: 10, end: 16 }, 'forward', 100, 4, 1)).toEqual({ start: 9, end: 24 });
    expect(preparedRange({ start: 10, end: 16 }, 'backward', 100, 4, 1)).toEqual({ start: 2, end: 17 });
  });
  it('keeps the margin when the view is smaller than it', () => {
    expect(preparedRange({ start: 10, end: 11 }, 'forward', 100, 4, 1)).toEqual({ start: 9, end: 15 });
  });
  it('stays inside the list', () => {
    expect(preparedRange({ start: 95, end: 99 }, 'forward', 100, 4, 1)).toEqual({ start: 94, end: 99 });
    expect(preparedRange({ start: 1, end: 5 }, null, 100, 4, 1)).toEqual({ start: 0, end: 9 });
    expect(preparedRange({ start: 0, end: 0 }, null, 0, 4, 1)).toBeNull();
  });
});

describe('mountedIndexes', () => {
  it('joins overlapping windows in order, each index once', () => {
    expect(mountedIndexes({ start: 5, end: 8 }, { start: 2, end: 6 }, 100)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
  it('keeps windows apart after a jump, the DOM in list order', () => {
    expect(mountedIndexes({ start: 50, end: 51 }, { start: 1, end: 2 }, 100)).toEqual([1, 2, 50, 51]);
  });
  it('clips a stale window to a list that shrank', () => {
    expect(mountedIndexes({ start: 0, end: 2 }, { start: 1, end: 9 }, 4)).toEqual([0, 1, 2, 3]);
    expect(mountedIndexes(null, { start: 5, end: 9 }, 3)).toEqual([]);
  });
  it('works with one window or none', () => {
    expect(mountedIndexes({ start: 3, end: 4 }, null, 10)).toEqual([3, 4]);
    expect(mountedIndexes(null, null, 10)).toEqual([]);
  });
});
