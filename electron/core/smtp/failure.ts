/**
 * Classifies what went wrong in an SMTP attempt: which error code the user
 * sees, and whether trying again later may help (RFC 5321 §4.2.1: 4yz is
 * transient, 5yz permanent; a lost or refused connection is transient).
 */
import type { ErrorCode, Reason } from '../../../shared/errors';
import { described } from '../../../shared/i18n/reason';
import type { SmtpReply } from '../../../shared/model';
import { parseReply } from './reply';

export interface SendFailure {
  code: ErrorCode;
  /** In English; `reason` lets each window word it in its own language. */
  message: string;
  reason?: Reason;
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

/** `pinned`: the account trusts one certificate by its fingerprint, so a TLS failure means the server now shows another. */
export function classifyFailure(error: unknown, pinned = false): SendFailure {
  const e = (error ?? {}) as NodemailerLikeError;
  const reply = e.response ? (parseReply(e.response) ?? undefined) : undefined;
  const code = reply?.code ?? e.responseCode;
  if (e.code === 'EAUTH') {
    // 454 is a temporary authentication failure (RFC 4954 §6); 535 and the rest need the user.
    const said = e.response?.trim();
    return {
      ...(said ? described('AUTH_FAILED', 'reason.loginRefused', { reply: said }) : described('AUTH_FAILED', 'reason.loginFailed', { detail: e.message ?? 'no credentials' })),
      retryable: code !== undefined && code >= 400 && code < 500,
      ...(reply ? { reply } : {}),
    };
  }
  if (!code && isTlsFailure(e)) {
    const detail = e.message ?? e.originalCode ?? 'TLS error';
    return { ...described('TLS_FAILED', pinned ? 'reason.certNoLongerTrusted' : 'reason.tlsFailed', { detail }), retryable: false };
  }
  // nodemailer's own refusal of the envelope, before any server saw it: every later try would be refused the same way.
  if (e.code === 'EENVELOPE' && !code) {
    return { ...described('INVALID_ADDRESS_LIST', 'reason.envelopeRefused', { detail: e.message ?? 'EENVELOPE' }), retryable: false };
  }
  if (code && code >= 400) {
    // Name the step: a reply to the message data (EMESSAGE) is not one to the DATA command; a CONN reply (the
    // greeting, or what was left when the line closed) has no command to name.
    const verb = e.command?.split(/[\s:]/)[0];
    const said = e.response?.trim() ?? code;
    return {
      ...(e.code === 'EMESSAGE'
        ? described('SERVER_REJECTED', 'reason.serverRepliedAfterData', { reply: said })
        : verb && verb !== 'CONN'
          ? described('SERVER_REJECTED', 'reason.serverRepliedAt', { reply: said, command: verb })
          : described('SERVER_REJECTED', 'reason.serverReplied', { reply: said })),
      retryable: code < 500,
      ...(reply ? { reply } : {}),
    };
  }
  if (e.code === 'ETIMEDOUT') {
    const key = e.timeoutType === 'GREETING_TIMEOUT' ? 'reason.noGreeting' : e.timeoutType === 'CONNECT_TIMEOUT' ? 'reason.connectTimeout' : 'reason.stoppedAnswering';
    return { ...described('TIMEOUT', key), retryable: true };
  }
  if (e.code && CONNECTION_CODES.has(e.code)) {
    return { ...described('NOT_CONNECTED', 'reason.cannotTalk', { detail: e.message ?? e.code }), retryable: true };
  }
  // Unknown errors are treated as transient: retrying costs little, losing a message costs a lot.
  // The system's own words when it has any: they name the problem better than we could.
  return e.message ? { code: 'NOT_CONNECTED', message: e.message, retryable: true } : { ...described('NOT_CONNECTED', 'reason.connectionFailed'), retryable: true };
}
