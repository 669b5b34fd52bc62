/**
 * Send later's presets and the date/time picker's choices, in local time.
 * Times are built from calendar fields (new Date(y, m, d, h, min)), never by
 * adding 24 hours, so "tomorrow at 08:00" stays 08:00 across a DST change.
 */
import { toLocalInputValue } from '../format/time';

export const SEND_LATER_PRESETS = ['laterToday', 'tomorrowMorning', 'mondayMorning'] as const;
export type SendLaterPreset = (typeof SEND_LATER_PRESETS)[number];

/** Mornings start at this hour. */
export const MORNING_HOUR = 8;
/** "Later today" is at least this many hours away, on a whole hour. */
export const LATER_TODAY_HOURS = 3;

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * When a preset sends, or null when it does not apply now ("Later today" late
 * in the evening, when three hours on is already tomorrow). "Monday morning"
 * is the next Monday after today: on a Monday it is a week on, on a Sunday tomorrow.
 */
export function presetTime(preset: SendLaterPreset, now: number): number | null {
  const today = new Date(now);
  switch (preset) {
    case 'laterToday': {
      const at = new Date(now + LATER_TODAY_HOURS * 3_600_000);
      if (at.getMinutes() || at.getSeconds() || at.getMilliseconds()) at.setHours(at.getHours() + 1, 0, 0, 0);
      return sameDay(at, today) ? at.getTime() : null;
    }
    case 'tomorrowMorning':
      return new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, MORNING_HOUR, 0).getTime();
    case 'mondayMorning': {
      const days = (8 - today.getDay()) % 7 || 7;
      return new Date(today.getFullYear(), today.getMonth(), today.getDate() + days, MORNING_HOUR, 0).getTime();
    }
  }
}

/** The days the picker offers, as YYYY-MM-DD: today through the last day within `aheadMs`. */
export function dayChoices(now: number, aheadMs: number): string[] {
  const today = new Date(now);
  const last = new Date(now + aheadMs);
  const days: string[] = [];
  for (let i = 0; ; i++) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i, 12);
    if (day.getTime() > last.getTime() && !sameDay(day, last)) break;
    days.push(toLocalInputValue(day.getTime()).slice(0, 10));
  }
  return days;
}

/** The picker's parts of a Send later value (YYYY-MM-DDTHH:MM), or null when it has none. */
export function pickerParts(value: string): { day: string; hour: number; minute: number } | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  return { day: match[1] as string, hour: Number(match[2]), minute: Number(match[3]) };
}

/** The Send later value for a day and a time picked. */
export function pickedValue(day: string, hour: number, minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day}T${pad(hour)}:${pad(minute)}`;
}
