/**
 * Send later: a choice of presets (later today, tomorrow morning, Monday
 * morning) or a date and time picked with three selects — day, hour, minute —
 * written the way the window's language writes dates and hours, rather than
 * the browser's own datetime field, which follows the system's locale. The
 * store keeps the value as YYYY-MM-DDTHH:MM in local time (checkSendAt reads it).
 */
import { useState, type RefObject } from 'react';
import { LIMITS } from '../../../shared/model';
import { formatPickerDay, formatPickerHour, formatSendLater, parseLocalInputValue, toLocalInputValue } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { dayChoices, pickedValue, pickerParts, presetTime, SEND_LATER_PRESETS, type SendLaterPreset } from '../../store/send-later-logic';
import { fieldAria } from '../form/field-aria';

type Choice = '' | SendLaterPreset | 'pick';

interface Props {
  value: string;
  error: string | undefined;
  selectRef: RefObject<HTMLSelectElement | null>;
  onChange(value: string): void;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const MINUTES = Array.from({ length: 60 }, (_, m) => m);

export function SendLaterField({ value, error, selectRef, onChange }: Props) {
  const { t } = useT();
  // Which way the value was chosen; a preset whose time no longer matches the value shows as picked.
  const [chosen, setChosen] = useState<{ choice: Choice; value: string }>({ choice: value ? 'pick' : '', value });
  const now = Date.now();
  const choice: Choice = value === '' ? '' : chosen.value === value && chosen.choice !== '' ? chosen.choice : 'pick';
  const presets = SEND_LATER_PRESETS.flatMap((preset) => {
    const at = presetTime(preset, now);
    return at === null ? [] : [{ preset, at }];
  });
  const parts = pickerParts(value);
  const days = dayChoices(now, LIMITS.sendAtMaxAheadMs);
  if (parts && !days.includes(parts.day)) days.unshift(parts.day);
  const at = parseLocalInputValue(value);
  const errorId = error ? 'compose-sendat-error' : null;

  const choose = (next: Choice) => {
    let nextValue = '';
    if (next === 'pick') nextValue = value || toLocalInputValue(presetTime('tomorrowMorning', now) as number);
    else if (next !== '') nextValue = toLocalInputValue(presetTime(next, now) ?? now);
    setChosen({ choice: next, value: nextValue });
    onChange(nextValue);
  };
  const pick = (change: Partial<{ day: string; hour: number; minute: number }>) => {
    if (!parts) return;
    const next = pickedValue(change.day ?? parts.day, change.hour ?? parts.hour, change.minute ?? parts.minute);
    setChosen({ choice: 'pick', value: next });
    onChange(next);
  };

  return (
    <div className="field send-later">
      <label htmlFor="compose-sendat">{t('compose.sendAt')}</label>
      <select
        ref={selectRef}
        id="compose-sendat"
        name="sendAt"
        className="input-select"
        value={choice}
        {...fieldAria('compose-sendat', { hint: at !== null, errorId })}
        onChange={(e) => choose(e.target.value as Choice)}
      >
        <option value="">{t('compose.sendLater.none')}</option>
        {presets.map(({ preset, at: when }) => (
          <option key={preset} value={preset}>
            {t(`compose.sendLater.${preset}`, { when: formatSendLater(when) })}
          </option>
        ))}
        <option value="pick">{t('compose.sendLater.pick')}</option>
      </select>
      {choice === 'pick' && parts && (
        <fieldset className="send-later-picker">
          <legend>{t('compose.sendLater.pickLegend')}</legend>
          <span className="inline-field">
            <label htmlFor="compose-sendat-day">{t('compose.sendLater.day')}</label>
            <select id="compose-sendat-day" className="input-select" value={parts.day} onChange={(e) => pick({ day: e.target.value })}>
              {days.map((day) => (
                <option key={day} value={day}>
                  {formatPickerDay(day)}
                </option>
              ))}
            </select>
          </span>
          <span className="inline-field">
            <label htmlFor="compose-sendat-hour">{t('compose.sendLater.hour')}</label>
            <select id="compose-sendat-hour" className="input-select" value={parts.hour} onChange={(e) => pick({ hour: Number(e.target.value) })}>
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {formatPickerHour(h)}
                </option>
              ))}
            </select>
          </span>
          <span className="inline-field">
            <label htmlFor="compose-sendat-minute">{t('compose.sendLater.minute')}</label>
            <select id="compose-sendat-minute" className="input-select" value={parts.minute} onChange={(e) => pick({ minute: Number(e.target.value) })}>
              {MINUTES.map((m) => (
                <option key={m} value={m}>
                  {String(m).padStart(2, '0')}
                </option>
              ))}
            </select>
          </span>
        </fieldset>
      )}
      {at !== null && (
        <p id="compose-sendat-hint" className="field-hint">
          {t('compose.sendLater.leaves', { when: formatSendLater(at) })}
        </p>
      )}
      <div id="compose-sendat-error" className="field-error" aria-live="polite">
        {error ?? ''}
      </div>
    </div>
  );
}
