/** Pure checks for the Settings panel. */
import { LIMITS, type Settings } from '../../shared/model';
import { t } from '../i18n/t';
import { parseDelaySeconds } from './delay-logic';

export type SettingsCheck = { ok: true; changes: Partial<Settings> } | { ok: false; error: string };

/** What Save settings sends to settings.update, or why it cannot. */
export function checkSettings(fields: { undoDelay: string }): SettingsCheck {
  const undoSendSeconds = parseDelaySeconds(fields.undoDelay);
  if (undoSendSeconds === null) return { ok: false, error: t('settings.undoDelayInvalid', { max: LIMITS.delaySeconds }) };
  return { ok: true, changes: { undoSendSeconds } };
}
