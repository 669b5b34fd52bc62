/** The default undo delay new messages start with. Saved in the core, so every window and every restart sees it. */
import { useRef, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { useSettingsStore } from '../../store/settings';
import { DelayField } from '../delay/DelayField';
import { saveSettings } from './save';

export function SendingSection() {
  const api = useApi();
  const { t } = useT();
  const undoDelay = useSettingsStore((s) => s.fields.undoDelay);
  const loaded = useSettingsStore((s) => s.settings !== null);
  const loadError = useSettingsStore((s) => s.loadError);
  const saveError = useSettingsStore((s) => s.saveError);
  const invalid = useSettingsStore((s) => s.invalid);
  const saving = useSettingsStore((s) => s.saving);
  const notice = useSettingsStore((s) => s.notice);
  const setField = useSettingsStore((s) => s.setField);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = await saveSettings(api);
    if (outcome === 'refused') inputRef.current?.focus();
  };

  return (
    <section className="card" aria-labelledby="settings-sending">
      <h3 id="settings-sending" className="card-title">
        {t('settings.sending')}
      </h3>
      <form className="settings-form" aria-labelledby="settings-sending" noValidate onSubmit={onSubmit}>
        {loadError && <p className="panel-error">{loadError}</p>}
        {!loaded && !loadError && <p className="muted">{t('settings.loading')}</p>}
        <DelayField
          id="settings-undo"
          name="undoSendSeconds"
          label={t('settings.undoDelay')}
          hint={t('settings.undoDelayHint')}
          value={undoDelay}
          inputRef={inputRef}
          onChange={(value) => setField('undoDelay', value)}
          error={{ shownAt: invalid ? 'settings-error' : null }}
        />
        {saveError && (
          <p id="settings-error" role="alert" className="form-error">
            {saveError}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {t('settings.save')}
          </button>
          <p className="form-notice" aria-live="polite">
            {notice ?? ''}
          </p>
        </div>
      </form>
    </section>
  );
}
