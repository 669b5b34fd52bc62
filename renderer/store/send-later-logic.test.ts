// Local time is Paris here, so the DST cases below are real (last Sunday of March, last Sunday of October).
process.env.TZ = 'Europe/Paris';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/model';
import { dayChoices, pickedValue, pickerParts, presetTime } from './send-later-logic';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('presetTime', () => {
  it('runs in Paris time', () => {
    expect(iso(local(2026, 1, 15, 12))).toBe('2026-01-15T11:00:00.000Z');
  });
  it('later today: three hours on, rounded up to a whole hour; none when that is tomorrow', () => {
    expect(presetTime('laterToday', local(2026, 12, 2, 9, 0))).toBe(local(2026, 12, 2, 12, 0));
    expect(presetTime('laterToday', local(2026, 12, 2, 9, 10))).toBe(local(2026, 12, 2, 13, 0));
    expect(presetTime('laterToday', local(2026, 12, 2, 20, 0))).toBe(local(2026, 12, 2, 23, 0));
    // Near midnight: 20:01 + 3 h rounds to 00:00, tomorrow.
    expect(presetTime('laterToday', local(2026, 12, 2, 20, 1))).toBeNull();
    expect(presetTime('laterToday', local(2026, 12, 2, 23, 59))).toBeNull();
  });
  it('tomorrow morning: 08:00 the next day, also from just before midnight and at the end of a month or year', () => {
    expect(presetTime('tomorrowMorning', local(2026, 12, 2, 23, 59))).toBe(local(2026, 12, 3, 8));
    expect(presetTime('tomorrowMorning', local(2026, 12, 3, 0, 1))).toBe(local(2026, 12, 4, 8));
    expect(presetTime('tomorrowMorning', local(2026, 12, 31, 15))).toBe(local(2027, 1, 1, 8));
  });
  it('Monday morning: the next Monday, a week on from a Monday, tomorrow from a Sunday', () => {
    // 7 December 2026 is a Monday.
    expect(new Date(local(2026, 12, 7)).getDay()).toBe(1);
    expect(presetTime('mondayMorning', local(2026, 12, 7, 6))).toBe(local(2026, 12, 14, 8));
    expect(presetTime('mondayMorning', local(2026, 12, 6, 22))).toBe(local(2026, 12, 7, 8));
    expect(presetTime('mondayMorning', local(2026, 12, 2, 10))).toBe(local(2026, 12, 7, 8));
    expect(presetTime('mondayMorning', local(2026, 12, 5, 23, 59))).toBe(local(2026, 12, 7, 8));
  });
  it('keeps 08:00 local across the DST changes', () => {
    // Saturday 28 March 2026: the clocks go forward that night (UTC+1 to UTC+2).
    expect(iso(presetTime('tomorrowMorning', local(2026, 3, 28, 10)))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(presetTime('mondayMorning', local(2026, 3, 28, 10)))).toBe('2026-03-30T06:00:00.000Z');
    // Saturday 24 October 2026: they go back (UTC+2 to UTC+1).
    expect(iso(presetTime('tomorrowMorning', local(2026, 10, 24, 10)))).toBe('2026-10-25T07:00:00.000Z');
    // Later today on the night the clocks go forward: 00:30 + 3 h of real time is 04:30 local, rounded to 05:00.
    expect(iso(presetTime('laterToday', local(2026, 3, 29, 0, 30)))).toBe('2026-03-29T03:00:00.000Z');
  });
});

describe('the date and time picker', () => {
  it('offers today through a year ahead, one entry per day across DST', () => {
    const days = dayChoices(local(2026, 3, 28, 23, 30), LIMITS.sendAtMaxAheadMs);
    expect(days.slice(0, 3)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    // The last is the day a year on falls on (here 30 March 2027: the hour lost to DST in March 2027 pushes it past midnight).
    expect(days[days.length - 1]).toBe('2027-03-30');
    expect(dayChoices(local(2026, 6, 1, 12), LIMITS.sendAtMaxAheadMs)).toHaveLength(367);
    expect(new Set(days).size).toBe(days.length);
  });
  it('splits and joins a Send later value', () => {
    expect(pickerParts('2026-12-07T08:05')).toEqual({ day: '2026-12-07', hour: 8, minute: 5 });
    expect(pickerParts('')).toBeNull();
    expect(pickedValue('2026-12-07', 8, 5)).toBe('2026-12-07T08:05');
  });
});
