/**
 * Settings for delivery reports and read receipts: where they are listed (a
 * "Delivery reports" folder, and out of Inbox if wished; nothing moves on the
 * server), and the reports that matched no message sent from here, each
 * openable. Changes save at once.
 */
import { useEffect, useState } from 'react';
import type { UnmatchedReport } from '../../../shared/mail-model';
import type { Settings } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { settle } from '../../app/settle';
import { formatDateTime } from '../../format/time';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { goTo } from '../../store/navigate';
import { useSettingsStore } from '../../store/settings';
import { openMessage } from '../reader/reader-actions';

function UnmatchedReports() {
  const { t } = useT();
  const api = useApi();
  const [reports, setReports] = useState<UnmatchedReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void settle(() => api.reports.unmatched({})).then((result) => {
      if (!live) return;
      if (result.ok) setReports(result.value);
      else setError(t('reports.unmatched.failed', { message: errorText(result.error) }));
    });
    return () => {
      live = false;
    };
  }, [api, t]);
  return (
    <div className="unmatched-reports">
      <h4 id="unmatched-reports">{t('reports.unmatched.title')}</h4>
      {error && <p className="panel-error">{error}</p>}
      {reports && reports.length === 0 && <p className="muted">{t('reports.unmatched.none')}</p>}
      {reports && reports.length > 0 && (
        <ul className="plain-list" aria-labelledby="unmatched-reports">
          {reports.map((report) => (
            <li key={report.id} className="unmatched-report">
              <span>
                <strong>{report.subject}</strong> · {report.from} · {formatDateTime(report.at)} · {t(`reports.unmatched.kind.${report.kind}`)}
              </span>
              <button
                type="button"
                className="small"
                onClick={() => {
                  goTo('mail');
                  void openMessage(api, report.id);
                }}
              >
                {t('reports.unmatched.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ReportsSection() {
  const { t } = useT();
  const api = useApi();
  const settings = useSettingsStore((s) => s.settings);
  const [error, setError] = useState<string | null>(null);
  const update = async (changes: Partial<Settings>) => {
    const result = await settle(() => api.settings.update(changes));
    if (result.ok) {
      setError(null);
      useSettingsStore.getState().apply(result.value);
    } else setError(errorText(result.error));
  };
  const placement = settings?.reportsPlacement ?? 'inbox';
  return (
    <section className="card" aria-labelledby="settings-reports">
      <h3 id="settings-reports" className="card-title">
        {t('settings.reports.title')}
      </h3>
      <fieldset className="settings-group" disabled={!settings}>
        <legend>{t('settings.reports.placement')}</legend>
        {(['inbox', 'folder'] as const).map((value) => (
          <label key={value} className="check">
            <input type="radio" name="reports-placement" value={value} checked={placement === value} onChange={() => void update({ reportsPlacement: value })} />
            {value === 'inbox' ? t('settings.reports.inInbox') : t('settings.reports.inFolder')}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={settings?.hideReportsFromInbox === true} onChange={(e) => void update({ hideReportsFromInbox: e.currentTarget.checked })} />
          {t('settings.reports.hide')}
        </label>
        <p className="field-hint">{t('settings.reports.hint')}</p>
      </fieldset>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <UnmatchedReports />
    </section>
  );
}
