/**
 * One answer to "did the disk refuse this?", for both stores and the
 * attachment files: better-sqlite3 and Node give a code (SQLITE_FULL, ENOSPC);
 * indexeddbshim wraps SQLite's error in a DOMException whose name or text is
 * all that is left of it.
 */
import type { AppFailure } from '../../../shared/errors';
import { failure } from '../../../shared/i18n/reason';

const STORAGE_CODES = /^(SQLITE_(FULL|IOERR|CANTOPEN|READONLY|CORRUPT|NOTADB|PROTOCOL)|E(IO|NOSPC|DQUOT|ROFS|FBIG))/;
const STORAGE_TEXT = /SQLITE_(FULL|IOERR|CANTOPEN|READONLY)|disk (is )?full|disk I\/O|QuotaExceeded|UnknownError/i;

export function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && STORAGE_CODES.test(code)) return true;
  const e = error as { name?: string; message?: string; inner?: unknown } | null;
  return STORAGE_TEXT.test(`${e?.name ?? ''} ${e?.message ?? ''} ${String(e?.inner ?? '')}`);
}

export function storageFailure(cause: unknown): AppFailure {
  return failure('STORAGE_FAILED', 'reason.storageFailed', { detail: cause instanceof Error ? cause.message : 'the database write failed' });
}
