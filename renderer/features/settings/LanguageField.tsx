/** The language select: applies at once, kept in this computer's localStorage. */
import { changeLanguage } from '../../i18n/language';
import { isLanguage, LANGUAGES } from '../../../shared/i18n/language-logic';
import { useT } from '../../i18n/use-t';
import { Field } from '../form/Field';

export function LanguageField() {
  const { t, language } = useT();
  return (
    <Field id="settings-language" label={t('settings.language')} hint={t('settings.languageHint')} error={false}>
      <select
        id="settings-language"
        className="input-select"
        value={language}
        aria-describedby="settings-language-hint"
        onChange={(e) => {
          if (isLanguage(e.target.value)) changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((code) => (
          // Each language is named in itself, whatever the current language.
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
