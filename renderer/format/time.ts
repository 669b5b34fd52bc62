/**
 * Clock times for rows and transcript lines. Fixed 24-hour digits rather than
 * toLocaleTimeString so columns line up and tests do not depend on the locale.
 */
import { t } from '../i18n/t';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** HH:MM:SS in local time. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** HH:MM:SS.mmm in local time: SMTP steps are often milliseconds apart. */
export function formatClockMs(ms: number): string {
  return `${formatClock(ms)}.${pad(new Date(ms).getMilliseconds(), 3)}`;
}

/** ISO form for a <time dateTime>. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** True when both times fall on the same local calendar day. */
export function sameLocalDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The date in the user's locale ("Tue, 3 Jan"), with the year only when it is not this year's. */
export function formatDate(ms: number, now: number, locale?: string): string {
  const withYear = new Date(ms).getFullYear() !== new Date(now).getFullYear();
  const key = `${locale ?? ''}|${withYear}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) });
    dateFormats.set(key, format);
  }
  return format.format(ms);
}

/**
 * A time of day, with its date in front when it is not today: rows mostly
 * show times minutes away, but a Send-later time or a long backoff can be days off.
 */
export function formatWhen(ms: number, now: number, locale?: string): string {
  if (sameLocalDay(ms, now)) return formatClock(ms);
  return t('time.dateAndTime', { date: formatDate(ms, now, locale), time: formatClock(ms) });
}

/** The value an <input type="datetime-local"> shows for a time: YYYY-MM-DDTHH:MM in local time. */
export function toLocalInputValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Reads an <input type="datetime-local"> value as local time, to epoch ms.
 * Null for anything that is not a complete, real date and time.
 */
export function parseLocalInputValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = '0', fraction = '0'] = match.slice(1) as string[];
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const d = new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], Number(fraction.padEnd(3, '0')));
  // Date rolls 2024-02-30 over to March: a rolled-over value was not a real date.
  if (d.getFullYear() !== parts[0] || d.getMonth() !== parts[1] - 1 || d.getDate() !== parts[2]) return null;
  if (parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  return d.getTime();
}
