import { describe, expect, it } from 'vitest';
import { nextIndex, tabStopIndex } from './list-nav-logic';

describe('nextIndex', () => {
  it('moves one row with the arrows, stopping at the ends', () => {
    expect(nextIndex('ArrowDown', 3, 10, 5)).toBe(4);
    expect(nextIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextIndex('ArrowUp', 0, 10, 5)).toBe(0);
    expect(nextIndex('ArrowUp', 4, 10, 5)).toBe(3);
  });
  it('jumps with Home, End and the page keys', () => {
    expect(nextIndex('Home', 7, 10, 5)).toBe(0);
    expect(nextIndex('End', 0, 10_000, 5)).toBe(9_999);
    expect(nextIndex('PageDown', 2, 10, 5)).toBe(7);
    expect(nextIndex('PageDown', 8, 10, 5)).toBe(9);
    expect(nextIndex('PageUp', 3, 10, 5)).toBe(0);
  });
  it('starts at the top when nothing is selected', () => {
    expect(nextIndex('ArrowDown', -1, 10, 5)).toBe(0);
    expect(nextIndex('ArrowUp', -1, 10, 5)).toBe(0);
  });
  it('ignores other keys and empty lists', () => {
    expect(nextIndex('a', 3, 10, 5)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('tabStopIndex', () => {
  it('is the selected row when rendered, else the first rendered one', () => {
    expect(tabStopIndex(5, [3, 4, 5, 6])).toBe(5);
    expect(tabStopIndex(50, [3, 4, 5])).toBe(3);
    expect(tabStopIndex(-1, [0, 1])).toBe(0);
    expect(tabStopIndex(0, [])).toBeNull();
  });
});
