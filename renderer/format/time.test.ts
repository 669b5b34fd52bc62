import { describe, expect, it } from 'vitest';
import { formatClock, formatClockMs, formatWhen, isoTime, parseLocalInputValue, sameLocalDay, toLocalInputValue } from './time';

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

describe('formatWhen', () => {
  const now = new Date(2025, 5, 10, 10, 0).getTime();
  it('is just the clock today', () => {
    expect(formatWhen(new Date(2025, 5, 10, 23, 59, 59).getTime(), now)).toBe('23:59:59');
  });
  // ICU versions differ in small punctuation ("Wed 11 Jun" / "Wed, 11 Jun"), hence the patterns.
  it('adds the date on another day, in the given locale', () => {
    expect(formatWhen(new Date(2025, 5, 11, 0, 0).getTime(), now, 'en-GB')).toMatch(/^Wed,? 11 Jun, 00:00:00$/);
    expect(formatWhen(new Date(2025, 5, 11, 0, 0).getTime(), now, 'en-US')).toMatch(/^Wed, Jun 11, 00:00:00$/);
  });
  it('adds the year when it is not this year', () => {
    expect(formatWhen(new Date(2026, 0, 2, 9, 5).getTime(), now, 'en-GB')).toMatch(/^Fri,? 2 Jan 2026, 09:05:00$/);
  });
  it('compares local days', () => {
    expect(sameLocalDay(now, new Date(2025, 5, 10, 0, 0).getTime())).toBe(true);
    expect(sameLocalDay(now, new Date(2024, 5, 10, 10, 0).getTime())).toBe(false);
  });
});

describe('datetime-local values', () => {
  it('round-trips local time', () => {
    const at = new Date(2025, 0, 2, 9, 5).getTime();
    expect(toLocalInputValue(at)).toBe('2025-01-02T09:05');
    expect(parseLocalInputValue('2025-01-02T09:05')).toBe(at);
  });
  it('accepts seconds and milliseconds', () => {
    expect(parseLocalInputValue('2025-01-02T09:05:30.5')).toBe(new Date(2025, 0, 2, 9, 5, 30, 500).getTime());
  });
  it('refuses what is not a real date and time', () => {
    for (const bad of ['', '2025-01-02', '2025-13-01T00:00', '2025-02-29T10:00', '2025-01-02T24:00', '2025-01-02T10:60', 'x']) {
      expect(parseLocalInputValue(bad), bad).toBeNull();
    }
  });
});
