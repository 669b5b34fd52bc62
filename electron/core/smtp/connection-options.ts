/**
 * How we open an SMTP connection for an account: certificates verified by
 * default (there is no switch to ignore them); a certificate the user pinned
 * for this account is trusted by its exact SHA-256 fingerprint and nothing else.
 */
import { checkServerIdentity, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Account } from '../../../shared/model';

export type SmtpEndpoint = Pick<Account, 'host' | 'port' | 'security'> & Partial<Pick<Account, 'trustedCertificate'>>;

export interface Timeouts {
  connect?: number;
  greeting?: number;
  socket?: number;
}

/** Node prints fingerprints as AA:BB:...; compare them in one form. */
export const sameFingerprint = (a: string, b: string): boolean => a.replace(/:/g, '').toUpperCase() === b.replace(/:/g, '').toUpperCase();

/** `onVerified` sees the certificate that passed verification (for "Test connection" to show it). */
export function tlsOptions(endpoint: SmtpEndpoint, onVerified?: (cert: PeerCertificate) => void): ConnectionOptions {
  const pinned = endpoint.trustedCertificate;
  return {
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    // A pinned certificate becomes the one trust anchor for this account...
    ...(pinned ? { ca: [pinned.pem] } : {}),
    checkServerIdentity: (host: string, cert: PeerCertificate) => {
      // ...and then only that exact certificate passes, whatever name it carries.
      const error = pinned && sameFingerprint(cert.fingerprint256, pinned.sha256) ? undefined : checkServerIdentity(host, cert);
      if (!error) onVerified?.(cert);
      return error;
    },
  };
}

export function connectionOptions(
  endpoint: SmtpEndpoint,
  logger: object,
  timeouts: Timeouts = {},
  clientName = 'outbox-mail.localhost',
  onVerified?: (cert: PeerCertificate) => void,
): SMTPConnection.Options {
  return {
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    requireTLS: endpoint.security === 'starttls',
    ignoreTLS: endpoint.security === 'none',
    tls: tlsOptions(endpoint, onVerified),
    name: clientName,
    connectionTimeout: timeouts.connect ?? 30_000,
    greetingTimeout: timeouts.greeting ?? 30_000,
    socketTimeout: timeouts.socket ?? 120_000,
    logger,
    transactionLog: true,
  };
}

export interface Credentials {
  mechanism: 'plain' | 'login' | 'xoauth2';
  user: string;
  secret: string;
}

/** nodemailer's login() argument for a mechanism; XOAUTH2 takes the access token as it is (RFC 7628 framing). */
export function loginData(credentials: Credentials): SMTPConnection.AuthenticationCredentials | SMTPConnection.AuthenticationOAuth2 {
  if (credentials.mechanism === 'xoauth2') {
    const { user, secret } = credentials;
    return {
      method: 'XOAUTH2',
      user,
      oauth2: {
        getToken: (_retry: boolean, callback: (error: Error | null, token?: string) => void) => callback(null, secret),
        buildXOAuth2Token: (token: string) => Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64'),
      },
    } as unknown as SMTPConnection.AuthenticationOAuth2;
  }
  return { method: credentials.mechanism.toUpperCase(), user: credentials.user, pass: credentials.secret } as SMTPConnection.AuthenticationCredentials;
}
