/**
 * Error codes that cross the process boundary. Names follow the seed documents
 * (E_INVALIDARG, IXP_E_BUSY, ...) so a reader can map one to the other.
 */
export const ERROR_CODES = [
  'INVALID_ARG',
  'INVALID_ADDRESS_LIST',
  'BUSY',
  'NOT_CONNECTED',
  'TOO_LATE',
  'NOT_FOUND',
  'ILLEGAL_STATE',
  'NOT_READY',
  'STORAGE_FAILED',
  /** MAPI_E_CORRUPT_DATA: the stored message cannot be turned into MIME, even after one rebuild. */
  'CORRUPT_DATA',
  'SERVER_REJECTED',
  'TIMEOUT',
  'AUTH_FAILED',
  /** The TLS handshake failed or the certificate is not trusted; detail carries its fingerprint. */
  'TLS_FAILED',
  /** Bigger than the SIZE the server advertised: refused before DATA. */
  'MESSAGE_TOO_BIG',
  /** A non-ASCII local part and a server without SMTPUTF8. */
  'SMTPUTF8_REQUIRED',
  /** Secrets cannot be stored encrypted on this system (Electron reports the basic_text backend). */
  'NO_SECURE_STORAGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Success-with-warning codes (IXP_S_SMTP_NO_DSN_SUPPORT). */
export const WARNING_CODES = ['NO_DSN_SUPPORT', 'POSSIBLE_DUPLICATE'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * Why something went wrong, as a catalogue key and its values, so each window words it in its own
 * language (shared/i18n/reason.ts). A value may be a reason itself: "Waiting for the server (the
 * connection was refused)". Server replies and system error texts go in as values, untranslated.
 */
export interface Reason {
  key: string;
  values?: Record<string, string | number | Reason>;
}

export interface AppError {
  code: ErrorCode;
  /** In English, for logs; `reason`, when given, lets the window word it in its own language. */
  message: string;
  /** Optional structured detail, e.g. the offending addresses. Always JSON-safe. */
  detail?: Record<string, unknown>;
  reason?: Reason;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(code: ErrorCode, message: string, detail?: Record<string, unknown>): Result<T> => ({
  ok: false,
  error: detail ? { code, message, detail } : { code, message },
});

/** An exception that carries an AppError; thrown inside the core, turned into a Result at the boundary. */
export class AppFailure extends Error {
  readonly appError: AppError;
  constructor(code: ErrorCode, message: string, detail?: Record<string, unknown>, reason?: Reason) {
    super(message);
    this.name = 'AppFailure';
    this.appError = { code, message, ...(detail ? { detail } : {}), ...(reason ? { reason } : {}) };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
