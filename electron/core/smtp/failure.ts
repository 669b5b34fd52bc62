/**
 * Classifies what went wrong in an SMTP attempt: which error code the user
 * sees, and whether trying again later may help (RFC 5321 §4.2.1: 4yz is
 * transient, 5yz permanent; a lost or refused connection is transient).
 */
import type { ErrorCode } from '../../../shared/errors';
import type { SmtpReply } from '../../../shared/model';
import { parseReply } from './reply';

export interface SendFailure {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  reply?: SmtpReply;
}

interface NodemailerLikeError {
  code?: string;
  message?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  /** nodemailer says which timeout fired: CONNECT_TIMEOUT, GREETING_TIMEOUT or SOCKET_TIMEOUT. */
  timeoutType?: string;
  /** The code before nodemailer replaced it, e.g. DEPTH_ZERO_SELF_SIGNED_CERT for an ESOCKET error. */
  originalCode?: string;
}

const TLS_PROBLEM = /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO_VERIFY|SSL|TLS|HOSTNAME_MISMATCH/i;

export function isTlsFailure(error: unknown): boolean {
  const e = (error ?? {}) as NodemailerLikeError;
  return e.code === 'ETLS' || TLS_PROBLEM.test(e.originalCode ?? '') || /certificate|self[- ]signed|TLS|SSL routines/i.test(e.message ?? '');
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EDNS', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

export function classifyFailure(error: unknown): SendFailure {
  const e = (error ?? {}) as NodemailerLikeError;
  const reply = e.response ? (parseReply(e.response) ?? undefined) : undefined;
  const code = reply?.code ?? e.responseCode;
  if (e.code === 'EAUTH') {
    // 454 is a temporary authentication failure (RFC 4954 §6); 535 and the rest need the user.
    const said = e.response?.trim();
    return {
      code: 'AUTH_FAILED',
      message: said ? `The server refused the login: ${said}.` : `Could not log in: ${e.message ?? 'no credentials'}.`,
      retryable: code !== undefined && code >= 400 && code < 500,
      ...(reply ? { reply } : {}),
    };
  }
  if (!code && isTlsFailure(e)) {
    return { code: 'TLS_FAILED', message: `The secure connection failed: ${e.message ?? e.originalCode ?? 'TLS error'}.`, retryable: false };
  }
  if (code && code >= 400) {
    // Name the step: a reply to the message data (EMESSAGE) is not one to the DATA command; a CONN reply (the
    // greeting, or what was left when the line closed) has no command to name.
    const verb = e.command?.split(/[\s:]/)[0];
    const where = e.code === 'EMESSAGE' ? ' after the message data' : verb && verb !== 'CONN' ? ` at ${verb}` : '';
    return {
      code: 'SERVER_REJECTED',
      message: `The server replied ${e.response?.trim() ?? code}${where}.`,
      retryable: code < 500,
      ...(reply ? { reply } : {}),
    };
  }
  if (e.code === 'ETIMEDOUT') {
    const message =
      e.timeoutType === 'GREETING_TIMEOUT'
        ? 'The server took the connection but sent no greeting.'
        : e.timeoutType === 'CONNECT_TIMEOUT'
          ? 'Connecting to the server timed out.'
          : 'The server stopped answering.';
    return { code: 'TIMEOUT', message, retryable: true };
  }
  if (e.code && CONNECTION_CODES.has(e.code)) {
    return { code: 'NOT_CONNECTED', message: `Could not talk to the server: ${e.message ?? e.code}.`, retryable: true };
  }
  // Unknown errors are treated as transient: retrying costs little, losing a message costs a lot.
  return { code: 'NOT_CONNECTED', message: e.message ?? 'The connection failed.', retryable: true };
}
