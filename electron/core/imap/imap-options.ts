/**
 * How we open an IMAP connection for an account: the same certificate rules as
 * SMTP (verified by default, a pinned certificate trusted by its exact
 * fingerprint), STARTTLS required when chosen so a password never crosses the
 * wire in clear, and plain text only where the account form allowed it (loopback).
 */
import type { PeerCertificate } from 'node:tls';
import type { ImapFlowOptions } from 'imapflow';
import type { Account } from '../../../shared/model';
import { tlsOptions } from '../smtp/connection-options';

/** What a connection needs of an account's incoming half. */
export type IncomingServer = Pick<NonNullable<Account['incoming']>, 'host' | 'port' | 'security' | 'username' | 'trustedCertificate'>;

export interface ImapCredentials {
  user: string;
  pass: string;
}

export interface ImapTimeouts {
  connect?: number;
  greeting?: number;
  socket?: number;
}

export function imapOptions(
  server: IncomingServer,
  credentials: ImapCredentials,
  timeouts: ImapTimeouts = {},
  onVerified?: (cert: PeerCertificate) => void,
): ImapFlowOptions {
  return {
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    // true: refuse to log in when STARTTLS is missing; false: never try it (loopback plain text).
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    tls: tlsOptions({ host: server.host, port: server.port, security: server.security, trustedCertificate: server.trustedCertificate }, onVerified),
    auth: { user: credentials.user, pass: credentials.pass },
    // imapflow's own logger writes every command, LOGIN included; ours is given by the caller where wanted.
    logger: false,
    clientInfo: { name: 'Outbox Mail' },
    connectionTimeout: timeouts.connect ?? 30_000,
    greetingTimeout: timeouts.greeting ?? 30_000,
    socketTimeout: timeouts.socket ?? 5 * 60_000,
  };
}
