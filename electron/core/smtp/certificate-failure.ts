/**
 * The failure a connection test reports for a certificate it could not trust. When the user had
 * trusted another certificate for this server, that is a change, not a first meeting: the failure
 * names both fingerprints, because a certificate swapped under a pinned server is what an
 * interception looks like.
 */
import type { AppFailure } from '../../../shared/errors';
import { failure } from '../../../shared/i18n/reason';
import type { Account } from '../../../shared/model';
import type { PresentedCertificate } from './certificate-probe';
import { sameFingerprint } from './connection-options';

type Pinned = Account['trustedCertificate'];

export function untrustedCertificateFailure(cert: Omit<PresentedCertificate, 'pem'>, pinned: Pinned | undefined, detail: string): AppFailure {
  const shown = { sha256: cert.sha256, subject: cert.subject, issuer: cert.issuer, validTo: cert.validTo };
  if (pinned && !sameFingerprint(pinned.sha256, cert.sha256)) {
    return failure('TLS_FAILED', 'reason.certReplaced', { detail, sha256: cert.sha256, previous: pinned.sha256 }, { ...shown, previousSha256: pinned.sha256 });
  }
  return failure('TLS_FAILED', 'reason.certUntrusted', { detail, sha256: cert.sha256 }, shown);
}
