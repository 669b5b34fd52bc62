/**
 * Delivery receipts (DSN): which events to be told about, and how much of the
 * message a report returns. Used by Compose (this message) and by the account
 * form (the account's defaults).
 */
import type { DsnRequest } from '../../../shared/model';
import { useT } from '../../i18n/use-t';

const EVENTS = ['success', 'failure', 'delay'] as const;

export function DsnFields({ idPrefix, value, onChange }: { idPrefix: string; value: DsnRequest; onChange(dsn: DsnRequest): void }) {
  const { t } = useT();
  return (
    <div className="dsn-fields">
      <fieldset className="dsn-group">
        <legend>{t('dsn.notifyLegend')}</legend>
        {EVENTS.map((event) => (
          <label key={event} className="check">
            <input
              type="checkbox"
              checked={value.notify[event]}
              onChange={(e) => onChange({ ...value, notify: { ...value.notify, [event]: e.target.checked } })}
            />
            {t(`dsn.notify.${event}`)}
          </label>
        ))}
        <p className="field-hint">{t('dsn.notifyHint')}</p>
      </fieldset>
      <fieldset className="dsn-group">
        <legend>{t('dsn.returnLegend')}</legend>
        {(['headers', 'full'] as const).map((ret) => (
          <label key={ret} className="check">
            <input type="radio" name={`${idPrefix}-ret`} value={ret} checked={value.ret === ret} onChange={() => onChange({ ...value, ret })} />
            {ret === 'headers' ? t('dsn.returnHeaders') : t('dsn.returnFull')}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
