/**
 * The one i18next instance. It is set up synchronously at import, in English,
 * so pure logic and its tests can call t() without waiting; the app switches
 * to the user's language before the first render (see language.ts).
 */
import i18next from 'i18next';
import { catalogues } from '../../shared/i18n/catalogues';
import { dateLocaleFor, type Language } from '../../shared/i18n/language-logic';

export const i18n = i18next.createInstance();

void i18n.init({
  initAsync: false,
  lng: 'en',
  // A missing key shows English rather than a key name; the catalogue test keeps that from happening.
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr', 'ru'],
  resources: {
    en: { translation: catalogues.en },
    fr: { translation: catalogues.fr },
    ru: { translation: catalogues.ru },
  },
  // Keys are flat ("compose.to"), values use {name} placeholders.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  // React escapes what it renders; an unknown placeholder stays visible rather than vanishing.
  missingInterpolationHandler: (_text: string, match: RegExpExecArray) => match[0],
  returnNull: false,
});

let preferredLanguages: readonly string[] = [];

/** The system's language list (navigator.languages), for regional date formats. */
export function setPreferredLanguages(languages: readonly string[]): void {
  preferredLanguages = languages;
}

export function currentLanguage(): Language {
  return (i18n.resolvedLanguage ?? i18n.language ?? 'en') as Language;
}

/** The locale Intl formats dates and numbers in. */
export function dateLocale(): string {
  return dateLocaleFor(currentLanguage(), preferredLanguages);
}
