/**
 * A certificate the app does not trust, as either half's connection test shows it: its SHA-256
 * fingerprint to compare with the one the server's administrator gives, and "Trust this certificate".
 * When the user had trusted another certificate for this server, it is shown as a change: both
 * fingerprints, a warning, and Trust only once the user says the new one was checked.
 */
import { useId, useState } from 'react';
import { useT } from '../../../i18n/use-t';
import type { CertificateDetail } from './connection-logic';

export function UntrustedCertificate({ certificate, busy, onTrust }: { certificate: CertificateDetail; busy: boolean; onTrust: () => void }) {
  const { t } = useT();
  const [checked, setChecked] = useState(false);
  const confirmId = useId();
  const changed = certificate.previousSha256 !== null;
  return (
    <>
      {changed && (
        <div className="cert-changed" role="alert" data-testid="certificate-changed">
          <p className="test-headline">{t('account.certChanged.title')}</p>
          <p>{t('account.certChanged.explain')}</p>
        </div>
      )}
      <dl className="facts">
        {changed && (
          <div className="fact-row">
            <dt>{t('account.cert.previous')}</dt>
            <dd className="mono" data-testid="certificate-previous">
              {certificate.previousSha256}
            </dd>
          </div>
        )}
        <div className="fact-row">
          <dt>{changed ? t('account.cert.new') : t('account.cert.sha256')}</dt>
          <dd className="mono" data-testid="certificate-sha256">
            {certificate.sha256}
          </dd>
        </div>
        <div className="fact-row">
          <dt>{t('account.cert.subject')}</dt>
          <dd>{certificate.subject}</dd>
        </div>
        <div className="fact-row">
          <dt>{t('account.cert.issuer')}</dt>
          <dd>{certificate.issuer}</dd>
        </div>
        <div className="fact-row">
          <dt>{t('account.cert.validTo')}</dt>
          <dd>{certificate.validTo}</dd>
        </div>
      </dl>
      <p className="field-hint">{t('account.trustHint')}</p>
      {changed && (
        <label className="check" htmlFor={confirmId}>
          <input id={confirmId} type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
          {t('account.certChanged.confirm')}
        </label>
      )}
      <button type="button" className={changed ? 'danger' : undefined} disabled={busy || (changed && !checked)} onClick={onTrust}>
        {changed ? t('account.certChanged.trust') : t('account.trust')}
      </button>
    </>
  );
}
