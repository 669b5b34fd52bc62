/** Pure checks for the Settings panel. */
import { LIMITS, type Settings } from '../../shared/model';
import { t } from '../i18n/t';

/** A whole number of seconds from 0 to the limit; unlike Compose's delay, empty is not a value here. */
export function parseDefaultDelay(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= LIMITS.delaySeconds ? n : null;
}

export type SettingsCheck = { ok: true; changes: Partial<Settings> } | { ok: false; error: string };

/** What Save settings sends to settings.update, or why it cannot. */
export function checkSettings(fields: { undoDelay: string }): SettingsCheck {
  const undoSendSeconds = parseDefaultDelay(fields.undoDelay);
  if (undoSendSeconds === null) return { ok: false, error: t('settings.undoDelayInvalid', { max: LIMITS.delaySeconds }) };
  return { ok: true, changes: { undoSendSeconds } };
}
