/** A yes/no setting that applies at once (new-mail notices, where the signature goes in a reply). */
import { useState } from 'react';
import type { Settings } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { applySettings } from '../../app/connect';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import type { MessageKey } from '../../i18n/t';
import { useT } from '../../i18n/use-t';
import { useSettingsStore } from '../../store/settings';

type Switch = 'newMailNotices' | 'signatureAboveQuote';

export function SettingCheckbox({ setting, label, hint }: { setting: Switch; label: MessageKey; hint: MessageKey }) {
  const { t } = useT();
  const api = useApi();
  // Both are on unless the user turned them off.
  const on = useSettingsStore((s) => s.settings?.[setting] !== false);
  const [error, setError] = useState<string | null>(null);
  const hintId = `settings-${setting}-hint`;
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={hintId}
          onChange={async (e) => {
            const change: Partial<Settings> = { [setting]: e.target.checked };
            const result = await settle(() => api.settings.update(change));
            if (result.ok) {
              setError(null);
              applySettings(result.value);
            } else setError(t('settings.saveFailed', { message: errorText(result.error) }));
          }}
        />
        {t(label)}
      </label>
      <p id={hintId} className="field-hint">
        {t(hint)}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
