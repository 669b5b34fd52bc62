/** The language select: applies at once, and the core keeps the choice (a new browser profile starts in it). */
import { useApi } from '../../app/api-context';
import { settle } from '../../app/settle';
import { changeLanguage } from '../../i18n/language';
import { isLanguage, LANGUAGES } from '../../../shared/i18n/language-logic';
import { useT } from '../../i18n/use-t';
import { Field } from '../form/Field';

export function LanguageField() {
  const { t, language } = useT();
  const api = useApi();
  return (
    <Field id="settings-language" label={t('settings.language')} hint={t('settings.languageHint')} error={false}>
      <select
        id="settings-language"
        className="input-select"
        value={language}
        aria-describedby="settings-language-hint"
        onChange={(e) => {
          const chosen = e.target.value;
          if (!isLanguage(chosen)) return;
          changeLanguage(chosen);
          // Should the core not keep it, the window still speaks it and this computer remembers it.
          void settle(() => api.settings.update({ language: chosen }));
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
