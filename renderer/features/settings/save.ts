/**
 * Save settings: check locally, then settings.update. The core's answer is
 * applied at once; the settings:changed event that follows carries the same.
 */
import type { MailApi } from '../../../shared/contract';
import { applySettings } from '../../app/connect';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { checkSettings } from '../../store/settings-logic';
import { useSettingsStore } from '../../store/settings';

export type SaveOutcome = 'busy' | 'refused' | 'failed' | 'saved';

export async function saveSettings(api: MailApi): Promise<SaveOutcome> {
  const store = useSettingsStore.getState();
  if (store.saving) return 'busy';
  const check = checkSettings(store.fields);
  if (!check.ok) {
    store.refused(check.error);
    return 'refused';
  }
  store.saveStarted();
  const result = await settle(() => api.settings.update(check.changes));
  if (!result.ok) {
    useSettingsStore.getState().saveFailed(t('settings.saveFailed', { message: errorText(result.error) }));
    return 'failed';
  }
  useSettingsStore.getState().saved(result.value, t('settings.saved'));
  applySettings(result.value);
  return 'saved';
}
