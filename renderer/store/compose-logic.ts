/**
 * Pure checks for the compose form. They use the same address parser as the
 * main process, so what passes here is what the core accepts; the core still
 * validates again and its answer wins.
 */
import { parseAddressList } from '../../shared/address';
import { LIMITS } from '../../shared/model';
import { t } from '../i18n/t';

export type AddressFieldName = 'to' | 'cc';
export type CheckedFieldName = AddressFieldName | 'delay';
export type FieldErrors = Partial<Record<CheckedFieldName, string>>;

export interface ComposeFields {
  to: string;
  cc: string;
  subject: string;
  text: string;
  /** As typed into the number input; parsed only when sending. */
  delay: string;
}

export const emptyFields: ComposeFields = { to: '', cc: '', subject: '', text: '', delay: '0' };

/** What Compose hands to outbox.submit (the account is added by the caller). */
export interface CheckedDraft {
  to: string;
  cc?: string;
  subject: string;
  text: string;
  delaySeconds: number;
}

export type DraftCheck =
  | { ok: true; draft: CheckedDraft }
  | { ok: false; errors: FieldErrors; firstInvalid: CheckedFieldName; summary: string };

const MAX_SHOWN_ENTRY = 80;
const shorten = (s: string) => (s.length > MAX_SHOWN_ENTRY ? `${s.slice(0, MAX_SHOWN_ENTRY - 1)}…` : s);

/** Why an address field cannot be sent, naming each bad entry; null when it is fine. */
export function addressFieldError(value: string, required: boolean): string | null {
  const parsed = parseAddressList(value);
  if (!parsed.ok) {
    return parsed.invalid.map((bad) => t('compose.invalidAddress', { input: shorten(bad.input), reason: bad.reason })).join('; ');
  }
  if (required && parsed.mailboxes.length === 0) return t('compose.toRequired');
  return null;
}

/**
 * The check run when a field loses focus: an empty To is not an error yet,
 * because the user may simply be moving through the form.
 */
export function blurError(name: AddressFieldName, value: string): string | null {
  return addressFieldError(value, name === 'to' && value.trim() !== '');
}

/** An empty delay means no delay; anything else must be a whole number in range. */
export function parseDelay(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= LIMITS.delaySeconds ? n : null;
}

const FIELD_LABEL_KEYS = { to: 'compose.to', cc: 'compose.cc', delay: 'compose.delay' } as const;
const CHECK_ORDER: readonly CheckedFieldName[] = ['to', 'cc', 'delay'];

/** The check run on Send: every field, with a summary for the alert. */
export function checkDraft(fields: ComposeFields): DraftCheck {
  const errors: FieldErrors = {};
  const to = addressFieldError(fields.to, true);
  if (to) errors.to = to;
  const cc = addressFieldError(fields.cc, false);
  if (cc) errors.cc = cc;
  const delaySeconds = parseDelay(fields.delay);
  if (delaySeconds === null) errors.delay = t('compose.delayInvalid', { max: LIMITS.delaySeconds });

  const invalid = CHECK_ORDER.filter((name) => errors[name] !== undefined);
  const firstInvalid = invalid[0];
  if (firstInvalid !== undefined) {
    const reason = invalid
      .map((name) => t('compose.fieldError', { field: t(FIELD_LABEL_KEYS[name]), message: errors[name] as string }))
      .join(' ');
    return { ok: false, errors, firstInvalid, summary: t('compose.refused', { reason }) };
  }
  const draft: CheckedDraft = { to: fields.to, subject: fields.subject, text: fields.text, delaySeconds: delaySeconds ?? 0 };
  if (fields.cc.trim() !== '') draft.cc = fields.cc;
  return { ok: true, draft };
}
