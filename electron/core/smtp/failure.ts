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
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EDNS', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

export function classifyFailure(error: unknown): SendFailure {
  const e = (error ?? {}) as NodemailerLikeError;
  const reply = e.response ? (parseReply(e.response) ?? undefined) : undefined;
  const code = reply?.code ?? e.responseCode;
  if (code && code >= 400) {
    const where = e.command ? ` at ${e.command.split(/[\s:]/)[0]}` : '';
    return {
      code: 'SERVER_REJECTED',
      message: `The server replied ${e.response?.trim() ?? code}${where}.`,
      retryable: code < 500,
      ...(reply ? { reply } : {}),
    };
  }
  if (e.code === 'ETIMEDOUT') {
    return { code: 'TIMEOUT', message: 'The server stopped answering.', retryable: true };
  }
  if (e.code && CONNECTION_CODES.has(e.code)) {
    return { code: 'NOT_CONNECTED', message: `Could not talk to the server: ${e.message ?? e.code}.`, retryable: true };
  }
  // Unknown errors are treated as transient: retrying costs little, losing a message costs a lot.
  return { code: 'NOT_CONNECTED', message: e.message ?? 'The connection failed.', retryable: true };
}
