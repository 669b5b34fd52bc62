/**
 * Reasons (shared/errors.ts): the core states why something failed as a
 * catalogue key and values; each side words it from its own catalogue. The
 * English wording is kept beside the reason as the error's `message`.
 */
import { AppFailure, type ErrorCode, type Reason } from '../errors';
import { en } from './en';
import { fillPlaceholders } from './fill';
import type { Catalogue, PlainKey } from './types';

export type ReasonKey = Extract<PlainKey, `reason.${string}`>;
export type ReasonValues = Readonly<Record<string, string | number | Reason>>;

export const reason = (key: ReasonKey, values?: ReasonValues): Reason => (values ? { key, values: { ...values } } : { key });

/** The reason in one catalogue's words; a key the catalogue lacks (a newer core) gives null. */
export function wordReason(r: Reason, catalogue: Catalogue): string | null {
  const text = (catalogue as Readonly<Record<string, string | undefined>>)[r.key];
  if (text === undefined || !r.key.startsWith('reason.')) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(r.values ?? {})) {
    values[name] = typeof value === 'object' ? (wordReason(value, catalogue) ?? '') : value;
  }
  return fillPlaceholders(text, values);
}

/** A failure to throw across the IPC boundary, worded in English and carrying its reason. */
export function failure(code: ErrorCode, key: ReasonKey, values?: ReasonValues, detail?: Record<string, unknown>): AppFailure {
  const d = described(code, key, values);
  return new AppFailure(code, d.message, detail, d.reason);
}

/** An error's code, English message and reason together, as the core stores them. */
export function described<C extends string>(code: C, key: ReasonKey, values?: ReasonValues): { code: C; message: string; reason: Reason } {
  const r = reason(key, values);
  return { code, message: wordReason(r, en) ?? key, reason: r };
}
