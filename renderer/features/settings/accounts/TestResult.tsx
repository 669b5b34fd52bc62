/**
 * The last connection test of an account: running, what the server offers
 * (a description list), or why it failed. A certificate the app does not
 * trust is shown with its SHA-256 fingerprint, to compare with the one the
 * server's administrator gives, and can be trusted from here.
 */
import { useApi } from '../../../app/api-context';
import { formatWhen } from '../../../format/time';
import { errorText } from '../../../i18n/error-text';
import { useT } from '../../../i18n/use-t';
import { useAccountsUiStore } from '../../../store/accounts-ui';
import { trustCertificate } from './accounts-actions';
import { capabilityFacts, certificateOf, failureHeadline, passedHeadline } from './connection-logic';
import { UntrustedCertificate } from './UntrustedCertificate';

export function TestResult({ accountId }: { accountId: string }) {
  const { t } = useT();
  const api = useApi();
  const test = useAccountsUiStore((s) => s.tests[accountId]);
  const regionId = `account-test-${accountId}`;
  if (!test) return <div id={regionId} className="test-result" aria-live="polite" />;
  if (test.kind === 'testing') {
    return (
      <div id={regionId} className="test-result" aria-live="polite">
        <p className="muted">{t('account.testing')}</p>
      </div>
    );
  }
  if (test.kind === 'passed') {
    return (
      <div id={regionId} className="test-result is-passed" aria-live="polite">
        <p className="test-headline">{passedHeadline(test.result, formatWhen(test.at, Date.now()))}</p>
        <dl className="facts capability-list">
          {capabilityFacts(test.result).map((fact) => (
            <div key={fact.label} className="fact-row">
              <dt>{fact.label}</dt>
              <dd className={fact.value.length > 40 ? 'mono' : undefined}>{fact.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  const certificate = certificateOf(test.error);
  return (
    <div id={regionId} className="test-result is-failed">
      <div role="alert">
        <p className="test-headline">{failureHeadline(test.error)}</p>
        <p className="test-detail">{errorText(test.error)}</p>
      </div>
      {certificate && (
        <UntrustedCertificate certificate={certificate} busy={test.kind === 'trusting'} onTrust={() => void trustCertificate(api, accountId, test.error, certificate.sha256)} />
      )}
    </div>
  );
}
