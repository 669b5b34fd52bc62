/**
 * The language setting: kept in this computer's localStorage (it is a
 * preference of the window, not of the mail core), applied to i18next and to
 * the document so screen readers pronounce the text right.
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

export function changeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or a full quota: the choice still applies to this window.
  }
  void i18n.changeLanguage(language);
  applyToDocument(language);
}
