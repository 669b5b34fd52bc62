/**
 * The last incoming (IMAP) connection test of an account, shown like the
 * outgoing one: running, what the server offers, or why it failed; an
 * untrusted certificate with its fingerprint and "Trust this certificate".
 */
import { useApi } from '../../../app/api-context';
import { formatWhen } from '../../../format/time';
import { errorText } from '../../../i18n/error-text';
import { useT } from '../../../i18n/use-t';
import { useIncomingTestsStore } from '../../../store/incoming-tests';
import { certificateOf, failureHeadline } from './connection-logic';
import { trustIncomingCertificate } from './incoming-actions';
import { incomingCapabilityFacts } from './incoming-connection-logic';
import { UntrustedCertificate } from './UntrustedCertificate';

export function IncomingTestResult({ accountId }: { accountId: string }) {
  const { t } = useT();
  const api = useApi();
  const test = useIncomingTestsStore((s) => s.tests[accountId]);
  const regionId = `account-incoming-test-${accountId}`;
  if (!test) return <div id={regionId} className="test-result" aria-live="polite" />;
  if (test.kind === 'testing') {
    return (
      <div id={regionId} className="test-result" aria-live="polite">
        <p className="muted">{t('incoming.testing')}</p>
      </div>
    );
  }
  if (test.kind === 'passed') {
    return (
      <div id={regionId} className="test-result is-passed" aria-live="polite">
        <p className="test-headline">{t('incoming.testPassed', { time: formatWhen(test.at, Date.now()) })}</p>
        <dl className="facts capability-list">
          {incomingCapabilityFacts(test.result).map((fact) => (
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
        <p className="test-headline">{t('incoming.failedHeadline', { problem: failureHeadline(test.error) })}</p>
        <p className="test-detail">{errorText(test.error)}</p>
      </div>
      {certificate && (
        <UntrustedCertificate certificate={certificate} busy={test.kind === 'trusting'} onTrust={() => void trustIncomingCertificate(api, accountId, test.error, certificate.sha256)} />
      )}
    </div>
  );
}
