import { describe, expect, it } from 'vitest';
import { formatCount, formatSize } from './number';

describe('formatSize', () => {
  it('picks the unit', () => {
    expect(formatSize(980, 'en')).toBe('980 B');
    expect(formatSize(12_800, 'en')).toBe('12.5 KB');
    expect(formatSize(3.25 * 1024 * 1024, 'en')).toBe('3.3 MB');
  });
  it('writes numbers the locale’s way', () => {
    expect(formatSize(12_800, 'fr')).toMatch(/^12,5 /);
    expect(formatCount(10_000, 'ru')).toMatch(/^10\s000$/);
  });
});
