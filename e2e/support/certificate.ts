/**
 * A self-signed certificate made by openssl for this run: no CA anywhere
 * vouches for it, so the app can only come to trust it by the user pinning
 * its fingerprint. Its name (mail.test) is not the address the app dials
 * (127.0.0.1) either, which a pin must also get past.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  key: string;
  cert: string;
  /** As Node and the app print it: AA:BB:…, 32 pairs. */
  sha256: string;
  subject: string;
}

export function makeSelfSignedCertificate(commonName = 'mail.test'): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-e2e-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${commonName}`,
        '-addext', `subjectAltName=DNS:${commonName}`, '-keyout', keyPath, '-out', certPath],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const cert = readFileSync(certPath, 'utf8');
    const x509 = new X509Certificate(cert);
    return { key: readFileSync(keyPath, 'utf8'), cert, sha256: x509.fingerprint256, subject: x509.subject };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
