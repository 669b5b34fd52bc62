/**
 * What "Test connection" found, in words: the server's capabilities as a
 * list of facts, or why the test failed and what the user can do about it.
 */
import type { AppError } from '../../../../shared/errors';
import type { ConnectionTest } from '../../../../shared/model';
import { formatSize } from '../../../format/number';
import { t } from '../../../i18n/t';

export interface Fact {
  label: string;
  value: string;
}

const yesNo = (value: boolean) => (value ? t('account.cap.yes') : t('account.cap.no'));

export function capabilityFacts(test: ConnectionTest): Fact[] {
  const { capabilities: c } = test;
  const facts: Fact[] = [
    { label: t('account.cap.security'), value: test.secure ? t('account.cap.encrypted') : t('account.cap.notEncrypted') },
    { label: t('account.cap.dsn'), value: c.dsn ? t('account.cap.offered') : t('account.cap.notOffered') },
    {
      label: t('account.cap.size'),
      value: c.size === null ? t('account.cap.sizeUnknown') : c.size === 0 ? t('account.cap.sizeNone') : formatSize(c.size),
    },
    { label: t('account.cap.smtputf8'), value: yesNo(c.smtputf8) },
    { label: t('account.cap.eightBitMime'), value: yesNo(c.eightBitMime) },
    { label: t('account.cap.pipelining'), value: yesNo(c.pipelining) },
    { label: t('account.cap.starttls'), value: c.starttls ? t('account.cap.offered') : t('account.cap.notOffered') },
    { label: t('account.cap.auth'), value: c.auth.length > 0 ? c.auth.join(', ') : t('account.cap.authNone') },
  ];
  if (test.certificate) {
    facts.push(
      { label: t('account.cert.subject'), value: test.certificate.subject },
      { label: t('account.cert.issuer'), value: test.certificate.issuer },
      { label: t('account.cert.validTo'), value: test.certificate.validTo },
      { label: t('account.cert.sha256'), value: test.certificate.sha256 },
    );
  }
  facts.push({ label: t('account.cap.greeting'), value: test.greeting });
  return facts;
}

export interface CertificateDetail {
  sha256: string;
  subject: string;
  issuer: string;
  validTo: string;
  /** The fingerprint the user had trusted for this server, when the one shown now differs: a change, not a first meeting. */
  previousSha256: string | null;
}

const FINGERPRINT = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;

/** TLS_FAILED carries the certificate the server presented; anything else (or a malformed detail) has none. */
export function certificateOf(error: AppError): CertificateDetail | null {
  if (error.code !== 'TLS_FAILED' || !error.detail) return null;
  const { sha256, subject, issuer, validTo, previousSha256 } = error.detail;
  if (typeof sha256 !== 'string' || !FINGERPRINT.test(sha256)) return null;
  const previous = typeof previousSha256 === 'string' && FINGERPRINT.test(previousSha256) && previousSha256 !== sha256 ? previousSha256 : null;
  return { sha256, subject: String(subject ?? ''), issuer: String(issuer ?? ''), validTo: String(validTo ?? ''), previousSha256: previous };
}

const FAILURE_KEYS = {
  TLS_FAILED: 'account.fail.TLS_FAILED',
  AUTH_FAILED: 'account.fail.AUTH_FAILED',
  NOT_CONNECTED: 'account.fail.NOT_CONNECTED',
  TIMEOUT: 'account.fail.TIMEOUT',
  NO_SECURE_STORAGE: 'account.fail.NO_SECURE_STORAGE',
} as const;

/** "Connected and logged in" is said only of a test that logged in. */
export function passedHeadline(test: Pick<ConnectionTest, 'loggedIn'>, time: string): string {
  return test.loggedIn ? t('account.testPassed', { time }) : t('account.testConnected', { time });
}

/** A sentence saying what went wrong and what to check; the core's own message is shown under it. */
export function failureHeadline(error: AppError): string {
  // Not the user's password: the server has no login to offer.
  if (error.reason?.key === 'reason.loginNotOffered') return t('account.fail.loginNotOffered');
  const key = (FAILURE_KEYS as Record<string, (typeof FAILURE_KEYS)[keyof typeof FAILURE_KEYS]>)[error.code];
  return key ? t(key) : t('account.fail.other');
}
