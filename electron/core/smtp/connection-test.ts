/**
 * "Test connection": connect, EHLO, log in, QUIT. Returns what the server
 * offers, or a coded error; an untrusted certificate comes back with its
 * fingerprint so the user can choose to trust exactly that certificate.
 */
import type { PeerCertificate } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { AppFailure } from '../../../shared/errors';
import { failure, reason, type ReasonKey } from '../../../shared/i18n/reason';
import type { ConnectionTest } from '../../../shared/model';
import { untrustedCertificateFailure } from './certificate-failure';
import { probeCertificate } from './certificate-probe';
import { connectionOptions, loginData, type Credentials, type SmtpEndpoint, type Timeouts } from './connection-options';
import { classifyFailure, isTlsFailure } from './failure';
import { parseEhlo } from './reply';
import { createTranscriptLogger } from './transcript-logger';

async function tlsFailure(endpoint: SmtpEndpoint, cause: unknown): Promise<AppFailure> {
  const reason = cause instanceof Error ? cause.message : String(cause);
  try {
    const cert = await probeCertificate(endpoint);
    return untrustedCertificateFailure(cert, endpoint.trustedCertificate, reason);
  } catch {
    return failure('TLS_FAILED', 'reason.tlsFailed', { detail: reason });
  }
}

export function testConnection(endpoint: SmtpEndpoint, credentials: Credentials | undefined, timeouts: Timeouts = {}): Promise<ConnectionTest> {
  let greeting = '';
  let ehlo = '';
  // The EHLO after STARTTLS no longer lists it: whether it was offered is read from the one before.
  let starttlsOffered = false;
  let lastClient = '';
  let certificate: PeerCertificate | null = null;
  const logger = createTranscriptLogger((line) => {
    if (line.direction === 'client') lastClient = line.text;
    else if (line.direction === 'server') {
      if (!greeting) greeting = line.text;
      else if (/^(EHLO|LHLO)\b/i.test(lastClient)) {
        ehlo = line.text;
        starttlsOffered ||= parseEhlo(ehlo).starttls;
      }
    }
  });
  const conn = new SMTPConnection(connectionOptions(endpoint, logger, { connect: 15_000, greeting: 15_000, socket: 30_000, ...timeouts }, undefined, (cert) => (certificate = cert)));

  return new Promise<ConnectionTest>((resolve, reject) => {
    let done = false;
    const fail = async (error: unknown) => {
      if (done) return;
      done = true;
      conn.close();
      if (error instanceof AppFailure) return reject(error);
      if (isTlsFailure(error)) return reject(await tlsFailure(endpoint, error));
      const classified = classifyFailure(error);
      // A system error without a reason of ours still reaches the window worded in its language, around the system's text.
      const why = classified.reason ?? reason('reason.cannotTalk', { detail: classified.message });
      reject(failure(classified.code, why.key as ReasonKey, why.values));
    };
    conn.on('error', (error) => void fail(error));
    conn.connect((connectError) => {
      if (connectError) return void fail(connectError);
      const finish = (loggedIn: boolean) => {
        if (done) return;
        done = true;
        const cert = certificate as PeerCertificate | null;
        const capabilities = parseEhlo(ehlo);
        resolve({
          capabilities: { ...capabilities, starttls: capabilities.starttls || starttlsOffered },
          secure: conn.secure,
          loggedIn,
          certificate: cert ? { sha256: cert.fingerprint256, subject: formatName(cert.subject), issuer: formatName(cert.issuer), validTo: cert.valid_to } : null,
          greeting,
        });
        conn.quit();
      };
      if (!credentials) return finish(false);
      if (!parseEhlo(ehlo).auth.length) return void fail(failure('AUTH_FAILED', 'reason.loginNotOffered'));
      conn.login(loginData(credentials), (error) => (error ? void fail(error) : finish(true)));
    });
  });
}

function formatName(name: PeerCertificate['subject'] | undefined): string {
  return Object.entries(name ?? {})
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}
