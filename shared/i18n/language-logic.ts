/** Pure choice of the UI language and of the locale dates are written in. */

export const LANGUAGES = ['en', 'fr', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The primary subtag: "fr-CA" → "fr". */
const primary = (tag: string): string => tag.split(/[-_]/)[0]?.toLowerCase() ?? '';

/**
 * The language the user chose before, else the first of the system's
 * preferred languages that the app speaks, else English.
 */
export function pickLanguage(stored: string | null | undefined, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const language = primary(tag);
    if (isLanguage(language)) return language;
  }
  return 'en';
}

/**
 * Dates follow the system's regional variant when it is of the same language
 * (an en-GB system writes "11 Jun", en-US "Jun 11"); otherwise the language itself.
 */
export function dateLocaleFor(language: Language, preferred: readonly string[]): string {
  const regional = preferred.find((tag) => primary(tag) === language);
  return regional ?? language;
}
