/**
 * A certificate the app does not trust, as either half's connection test shows it: its SHA-256
 * fingerprint to compare with the one the server's administrator gives, and "Trust this certificate".
 */
import { useT } from '../../../i18n/use-t';
import type { certificateOf } from './connection-logic';

type Certificate = NonNullable<ReturnType<typeof certificateOf>>;

export function UntrustedCertificate({ certificate, busy, onTrust }: { certificate: Certificate; busy: boolean; onTrust: () => void }) {
  const { t } = useT();
  return (
    <>
      <dl className="facts">
        <div className="fact-row">
          <dt>{t('account.cert.sha256')}</dt>
          <dd className="mono">{certificate.sha256}</dd>
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
      <button type="button" disabled={busy} onClick={onTrust}>
        {t('account.trust')}
      </button>
    </>
  );
}
