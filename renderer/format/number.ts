/** Numbers and sizes in the UI language's locale. */
import { dateLocale } from '../i18n/i18n';
import { t } from '../i18n/t';

const formats = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

export function formatCount(n: number, locale = dateLocale()): string {
  return formatter(locale, 0).format(n);
}

/** "980 B", "12.5 KB", "3.2 MB" (binary multiples, as file managers show them). */
export function formatSize(bytes: number, locale = dateLocale()): string {
  if (bytes < 1024) return t('size.bytes', { value: formatter(locale, 0).format(bytes) });
  if (bytes < 1024 * 1024) return t('size.kilobytes', { value: formatter(locale, 1).format(bytes / 1024) });
  return t('size.megabytes', { value: formatter(locale, 1).format(bytes / (1024 * 1024)) });
}
