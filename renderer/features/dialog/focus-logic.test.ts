import { describe, expect, it } from 'vitest';
import { trapTarget } from './focus-logic';

describe('trapTarget', () => {
  it('wraps from the last element to the first, and back with Shift', () => {
    expect(trapTarget(4, 3, false)).toBe(0);
    expect(trapTarget(4, 0, true)).toBe(3);
  });
  it('lets Tab move normally inside', () => {
    expect(trapTarget(4, 1, false)).toBeNull();
    expect(trapTarget(4, 2, true)).toBeNull();
  });
  it('brings focus from outside back in', () => {
    expect(trapTarget(4, -1, false)).toBe(0);
    expect(trapTarget(4, -1, true)).toBe(3);
  });
  it('does nothing with nothing to focus', () => {
    expect(trapTarget(0, -1, false)).toBeNull();
  });
});
