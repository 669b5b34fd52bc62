/** Whether new mail raises a desktop notification and a notice in the window; applies at once. */
import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { applySettings } from '../../app/connect';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { useSettingsStore } from '../../store/settings';

export function NewMailField() {
  const { t } = useT();
  const api = useApi();
  const on = useSettingsStore((s) => s.settings?.newMailNotices !== false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          aria-describedby="settings-new-mail-hint"
          onChange={async (e) => {
            const result = await settle(() => api.settings.update({ newMailNotices: e.target.checked }));
            if (result.ok) {
              setError(null);
              applySettings(result.value);
            } else setError(t('settings.saveFailed', { message: errorText(result.error) }));
          }}
        />
        {t('settings.newMailNotices')}
      </label>
      <p id="settings-new-mail-hint" className="field-hint">
        {t('settings.newMailNoticesHint')}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
