/** Whether a reply puts the signature above the quoted message (else below it); applies at once. */
import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { applySettings } from '../../app/connect';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { useSettingsStore } from '../../store/settings';

export function SignaturePlacementField() {
  const { t } = useT();
  const api = useApi();
  const on = useSettingsStore((s) => s.settings?.signatureAboveQuote !== false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          aria-describedby="settings-signature-hint"
          onChange={async (e) => {
            const result = await settle(() => api.settings.update({ signatureAboveQuote: e.target.checked }));
            if (result.ok) {
              setError(null);
              applySettings(result.value);
            } else setError(t('settings.saveFailed', { message: errorText(result.error) }));
          }}
        />
        {t('settings.signatureAboveQuote')}
      </label>
      <p id="settings-signature-hint" className="field-hint">
        {t('settings.signatureAboveQuoteHint')}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
