import { describe, expect, it } from 'vitest';
import { formatClock, formatClockMs, formatDateTime, formatWhen, isoTime, parseLocalInputValue, sameLocalDay, toLocalInputValue } from './time';

describe('transcript clock', () => {
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

// ICU versions differ in small punctuation ("Wed 11 Jun" / "Wed, 11 Jun"), hence the patterns.
describe('formatWhen', () => {
  const now = new Date(2025, 5, 10, 10, 0).getTime();
  it('is just the time, to the second, today', () => {
    expect(formatWhen(new Date(2025, 5, 10, 23, 59, 59).getTime(), now, 'en-GB')).toBe('23:59:59');
    expect(formatWhen(new Date(2025, 5, 10, 23, 59, 59).getTime(), now, 'en-US')).toMatch(/^11:59:59\sPM$/);
    expect(formatWhen(new Date(2025, 5, 10, 9, 5, 0).getTime(), now, 'ru')).toBe('09:05:00');
  });
  it('adds the date on another day, in the given locale', () => {
    const tomorrow = new Date(2025, 5, 11, 0, 0).getTime();
    expect(formatWhen(tomorrow, now, 'en-GB')).toMatch(/^Wed,? 11 Jun,? 00:00$/);
    expect(formatWhen(tomorrow, now, 'en-US')).toMatch(/^Wed, Jun 11,? 12:00\sAM$/);
    expect(formatWhen(tomorrow, now, 'fr')).toMatch(/^mer\.? 11 juin,? (à )?00:00$/);
    expect(formatWhen(tomorrow, now, 'ru')).toMatch(/^ср,? 11 июн\.?,? (в )?00:00$/);
  });
  it('adds the year when it is not this year', () => {
    expect(formatWhen(new Date(2026, 0, 2, 9, 5).getTime(), now, 'en-GB')).toMatch(/^Fri,? 2 Jan 2026,? 09:05$/);
  });
  it('compares local days', () => {
    expect(sameLocalDay(now, new Date(2025, 5, 10, 0, 0).getTime())).toBe(true);
    expect(sameLocalDay(now, new Date(2024, 5, 10, 10, 0).getTime())).toBe(false);
  });
});

describe('formatDateTime', () => {
  it('writes the full date and time in the locale', () => {
    const at = new Date(2025, 5, 10, 14, 3, 9).getTime();
    expect(formatDateTime(at, 'en-GB')).toMatch(/^10 Jun 2025,? 14:03:09$/);
    expect(formatDateTime(at, 'fr')).toMatch(/^10 juin 2025,? (à )?14:03:09$/);
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
