/**
 * Times for rows, details and transcript lines. Rows and details use Intl in
 * the UI language's locale; transcript lines keep fixed 24-hour digits with
 * milliseconds, because SMTP steps are often milliseconds apart and a log
 * reads best when its columns line up.
 */
import { dateLocale } from '../i18n/i18n';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** HH:MM:SS in local time. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** HH:MM:SS.mmm in local time, for transcript lines. */
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

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${name}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/**
 * A time, with its date in front when it is not today: rows mostly show
 * times minutes away (to the second, for an undo delay of a few seconds),
 * but a Send-later time or a long backoff can be days off.
 */
export function formatWhen(ms: number, now: number, locale = dateLocale()): string {
  if (sameLocalDay(ms, now)) return formatter(locale, 'time', { timeStyle: 'medium' }).format(ms);
  const withYear = new Date(ms).getFullYear() !== new Date(now).getFullYear();
  return formatter(locale, withYear ? 'date-year' : 'date', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/** A full date and time, for the details pane. */
export function formatDateTime(ms: number, locale = dateLocale()): string {
  return formatter(locale, 'full', { dateStyle: 'medium', timeStyle: 'medium' }).format(ms);
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

/** A day in the Send later picker: weekday, day, month and year ("Mon, Dec 7, 2026"; "lun. 7 déc. 2026"). */
export function formatPickerDay(day: string, locale = dateLocale()): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatter(locale, 'picker-day', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d, 12));
}

/** An hour in the Send later picker, as the locale writes hours ("8 AM"; "08 h"; "08"). */
export function formatPickerHour(hour: number, locale = dateLocale()): string {
  return formatter(locale, 'picker-hour', { hour: 'numeric' }).format(new Date(2000, 0, 1, hour));
}

/** When a held message leaves, as Send later shows it: weekday, day, month and time to the minute. */
export function formatSendLater(ms: number, locale = dateLocale()): string {
  return formatter(locale, 'send-later', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);
}
