/**
 * Clock times for rows and transcript lines. Fixed 24-hour digits rather than
 * toLocaleTimeString so columns line up and tests do not depend on the locale.
 */
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
