/**
 * "Test connection" for the incoming half: connect with the account's own
 * IMAP options, log in, read what the server offers, log out. Failures come
 * back as codes with reasons; an untrusted certificate comes with its
 * fingerprint, subject, issuer and expiry so the user can choose to pin it.
 */
import type { PeerCertificate } from 'node:tls';
import { ImapFlow } from 'imapflow';
import type { AppFailure } from '../../../shared/errors';
import { failure } from '../../../shared/i18n/reason';
import type { ImapCapabilities, IncomingConnectionTest } from '../../../shared/mail-model';
import { untrustedCertificateFailure } from '../smtp/certificate-failure';
import { probeImapCertificate } from './imap-certificate-probe';
import { imapOptions, type ImapCredentials, type ImapTimeouts, type IncomingServer } from './imap-options';

interface ImapFlowError {
  code?: string;
  message?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  response?: string;
  serverResponseCode?: string;
}

const TLS_PROBLEM = /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO_VERIFY|SSL|TLS|HOSTNAME_MISMATCH/i;
const TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT']);

/** The IMAP capabilities the account screen shows, from imapflow's map (names upper-cased). */
export function imapCapabilities(capabilities: Map<string, boolean | number>, authMechanisms: Iterable<string>): ImapCapabilities {
  const has = (name: string) => capabilities.has(name);
  const limit = capabilities.get('APPENDLIMIT');
  return {
    idle: has('IDLE'),
    condstore: has('CONDSTORE') || has('QRESYNC'),
    qresync: has('QRESYNC'),
    move: has('MOVE'),
    uidplus: has('UIDPLUS'),
    specialUse: has('SPECIAL-USE'),
    appendLimit: typeof limit === 'number' && Number.isSafeInteger(limit) ? limit : null,
    auth: [...new Set([...authMechanisms].map((a) => a.replace(/^AUTH=/i, '').toUpperCase()))],
  };
}

async function classify(server: IncomingServer, error: unknown): Promise<AppFailure> {
  const e = (error ?? {}) as ImapFlowError;
  const detail = e.message ?? e.code ?? 'unknown error';
  if (e.authenticationFailed) {
    const said = e.response?.trim();
    return said ? failure('AUTH_FAILED', 'reason.loginRefused', { reply: said }) : failure('AUTH_FAILED', 'reason.loginFailed', { detail });
  }
  if (e.code && TIMEOUTS.has(e.code)) {
    return failure('TIMEOUT', e.code === 'GREETING_TIMEOUT' ? 'reason.noGreeting' : e.code === 'CONNECT_TIMEOUT' ? 'reason.connectTimeout' : 'reason.stoppedAnswering');
  }
  const tls = e.tlsFailed === true || TLS_PROBLEM.test(e.code ?? '') || /certificate|self[- ]signed|SSL routines/i.test(e.message ?? '');
  if (tls && server.security !== 'none') {
    try {
      const cert = await probeImapCertificate(server);
      return untrustedCertificateFailure(cert, server.trustedCertificate, detail);
    } catch {
      return failure('TLS_FAILED', 'reason.tlsFailed', { detail });
    }
  }
  return failure('NOT_CONNECTED', 'reason.cannotTalk', { detail });
}

export async function testIncomingConnection(server: IncomingServer, credentials: ImapCredentials, timeouts: ImapTimeouts = {}): Promise<IncomingConnectionTest> {
  let certificate: PeerCertificate | null = null;
  const options = imapOptions(server, credentials, { connect: 15_000, greeting: 15_000, socket: 30_000, ...timeouts }, (cert) => (certificate = cert));
  // Only looking: no compression or ENABLE, nothing that changes the session.
  const client = new ImapFlow({ ...options, disableCompression: true, disableAutoEnable: true });
  // imapflow reports some failures as events too; the promise below carries them.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw await classify(server, error);
  }
  const cert = certificate as PeerCertificate | null;
  const result: IncomingConnectionTest = {
    capabilities: imapCapabilities(client.capabilities, authMechanismsOf(client)),
    secure: client.secureConnection,
    certificate: cert ? { sha256: cert.fingerprint256, subject: formatName(cert.subject), issuer: formatName(cert.issuer), validTo: cert.valid_to } : null,
    greeting: client.greeting ?? '',
  };
  await client.logout().catch(() => client.close());
  return result;
}

/**
 * The AUTH= list from before login (servers drop it afterwards). imapflow keeps
 * it in a field its typings leave out; an imapflow without it gives an empty list.
 */
function authMechanismsOf(client: ImapFlow): string[] {
  const kept = (client as unknown as { authCapabilities?: unknown }).authCapabilities;
  return kept instanceof Map ? [...kept.keys()].filter((k): k is string => typeof k === 'string') : [];
}

function formatName(name: PeerCertificate['subject'] | undefined): string {
  return Object.entries(name ?? {})
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}
