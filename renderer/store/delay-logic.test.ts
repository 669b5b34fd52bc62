import { describe, expect, it } from 'vitest';
import { parseDelaySeconds } from './delay-logic';

describe('parseDelaySeconds', () => {
  it('accepts whole seconds from 0 to 60', () => {
    expect(parseDelaySeconds('0')).toBe(0);
    expect(parseDelaySeconds(' 9 ')).toBe(9);
    expect(parseDelaySeconds('60')).toBe(60);
  });
  it('refuses anything else, empty included', () => {
    for (const bad of ['', ' ', '61', '-1', '2.5', 'abc', '1e1']) expect(parseDelaySeconds(bad), bad).toBeNull();
  });
});
