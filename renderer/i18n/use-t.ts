/** Components take t from here: react-i18next re-renders them when the language changes. */
import { useTranslation } from 'react-i18next';
import { t, tPlural } from './t';

export function useT(): { t: typeof t; tPlural: typeof tPlural; language: string } {
  const { i18n } = useTranslation();
  return { t, tPlural, language: i18n.language };
}
