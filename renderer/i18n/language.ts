/**
 * The language setting: kept by the core (settings.language), so it survives a
 * new browser profile, and in localStorage, so the first paint already speaks
 * it before the core answers. Applied to i18next and to the document so screen
 * readers pronounce the text right.
 */
import { i18n, setPreferredLanguages } from './i18n';
import { pickLanguage, type Language } from '../../shared/i18n/language-logic';
import { t } from './t';

const STORAGE_KEY = 'outbox-mail.language';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.title = t('app.title');
}

/** Chooses the start-up language: the stored choice, else the system's. */
export function initLanguage(): Language {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  setPreferredLanguages(preferred);
  const language = pickLanguage(readStored(), preferred);
  void i18n.changeLanguage(language);
  applyToDocument(language);
  return language;
}

/** The language the core keeps, once it is known: it wins over this window's own memory. */
export function followStoredLanguage(language: Language | undefined): void {
  if (language === undefined || language === i18n.language) return;
  changeLanguage(language);
}

/** Applies a language in this window (and remembers it here); the Settings field also tells the core. */
export function changeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or a full quota: the choice still applies to this window.
  }
  void i18n.changeLanguage(language);
  applyToDocument(language);
}
