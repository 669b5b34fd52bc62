import { describe, expect, it } from 'vitest';
import { covers, rowAt, windowAround, WINDOW_ROWS } from './list-window-logic';

describe('windowAround', () => {
  it('starts at the top for the first screen', () => {
    expect(windowAround({ start: 0, end: 12 }, null)).toEqual({ offset: 0, limit: WINDOW_ROWS });
  });
  it('centres the view in the window, on a step boundary', () => {
    const w = windowAround({ start: 1000, end: 1019 }, 100_000);
    expect(w.offset % 50).toBe(0);
    expect(w.offset).toBeLessThanOrEqual(990);
    expect(w.offset + w.limit - 1).toBeGreaterThanOrEqual(1029);
  });
  it('asks for more than a window when the view itself is taller, never past the contract’s cap', () => {
    expect(windowAround({ start: 0, end: 299 }, 10_000).limit).toBe(320);
    expect(windowAround({ start: 0, end: 999 }, 10_000).limit).toBe(500);
  });
  it('does not start past the end of a known list', () => {
    expect(windowAround({ start: 480, end: 499 }, 120).offset).toBe(100);
    expect(windowAround({ start: 5, end: 10 }, 0).offset).toBe(0);
  });
});

describe('covers', () => {
  it('needs the view and a margin either side, clipped to the list', () => {
    expect(covers({ offset: 0, count: 150 }, { start: 0, end: 20 }, 10_000)).toBe(true);
    expect(covers({ offset: 0, count: 150 }, { start: 130, end: 145 }, 10_000)).toBe(false);
    expect(covers({ offset: 100, count: 50 }, { start: 135, end: 149 }, 150)).toBe(true);
    expect(covers({ offset: 50, count: 150 }, { start: 40, end: 60 }, 10_000)).toBe(false);
  });
  it('counts nothing loaded as uncovered, and an empty list as covered once asked', () => {
    expect(covers(null, { start: 0, end: 10 }, 100)).toBe(false);
    expect(covers(null, { start: 0, end: 10 }, 0)).toBe(false);
    expect(covers({ offset: 0, count: 0 }, { start: 0, end: 10 }, 0)).toBe(true);
  });
});

describe('rowAt', () => {
  it('maps an index of the whole list into the window', () => {
    const loaded = { offset: 100, rows: ['a', 'b', 'c'] };
    expect(rowAt(loaded, 101)).toBe('b');
    expect(rowAt(loaded, 99)).toBeUndefined();
    expect(rowAt(loaded, 103)).toBeUndefined();
  });
});
