/**
 * Components take t from here and re-render when the language changes. One
 * listener on i18next feeds every component through useSyncExternalStore:
 * cheaper than react-i18next's useTranslation per component, which matters
 * when a fast scroll mounts a screenful of list rows every frame.
 */
import { useSyncExternalStore } from 'react';
import { i18n } from './i18n';
import { t, tPlural } from './t';

const listeners = new Set<() => void>();
i18n.on('languageChanged', () => listeners.forEach((listener) => listener()));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentLanguage = () => i18n.language;

export function useT(): { t: typeof t; tPlural: typeof tPlural; language: string } {
  const language = useSyncExternalStore(subscribe, currentLanguage);
  return { t, tPlural, language };
}
