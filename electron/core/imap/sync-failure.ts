/** What went wrong talking to an IMAP server, as a reason the account's status shows. Server texts go in as values; no secret ever reaches them. */
import type { Reason } from '../../../shared/errors';
import { reason } from '../../../shared/i18n/reason';
import { isTlsFailure } from '../smtp/failure';

interface ImapLikeError {
  code?: string;
  message?: string;
  responseText?: string;
  authenticationFailed?: boolean;
}

const UNREACHABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EPIPE|NoConnection|ClosedAfterConnectTLS|ClosedAfterConnectText|CONNECT_TIMEOUT|GREETING_TIMEOUT|ETIMEOUT)$/;

export function syncFailureReason(error: unknown): Reason {
  const e = (error ?? {}) as ImapLikeError;
  const detail = (e.responseText || e.message || e.code || 'unknown error').slice(0, 300);
  if (e.authenticationFailed) return reason('reason.imapLoginRefused', { detail });
  if (isTlsFailure(error)) return reason('reason.imapTls', { detail });
  if (UNREACHABLE.test(e.code ?? '') || /connection (closed|not available)|timed? ?out|socket/i.test(e.message ?? '')) return reason('reason.imapUnreachable', { detail });
  return reason('reason.imapFailed', { detail });
}
