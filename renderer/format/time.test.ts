import { describe, expect, it } from 'vitest';
import { formatClock, formatClockMs, isoTime } from './time';

describe('time formatting', () => {
  const at = new Date(2024, 0, 2, 9, 5, 3, 7).getTime();
  it('pads hours, minutes and seconds', () => {
    expect(formatClock(at)).toBe('09:05:03');
  });
  it('adds milliseconds', () => {
    expect(formatClockMs(at)).toBe('09:05:03.007');
  });
  it('gives an ISO string', () => {
    expect(isoTime(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});
