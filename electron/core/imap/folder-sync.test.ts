import { describe, expect, it } from 'vitest';
import { uidSet } from './folder-sync';

describe('uidSet', () => {
  it('writes runs as ranges, in order, whatever order the UIDs came in', () => {
    expect(uidSet([9, 3, 1, 2, 5, 6, 7, 12])).toBe('1:3,5:7,9,12');
    expect(uidSet([4])).toBe('4');
  });
});
