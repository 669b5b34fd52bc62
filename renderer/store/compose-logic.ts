/**
 * Pure checks for the compose form. They use the same address parser as the
 * main process, so what passes here is what the core accepts; the core still
 * validates again and its answer wins.
 */
import { formatMailbox, parseAddressList } from '../../shared/address';
import { LIMITS, type OutboxItem } from '../../shared/model';
import { parseLocalInputValue } from '../format/time';
import { addressReason } from '../i18n/address-reasons';
import { t } from '../i18n/t';
import { parseDelaySeconds } from './delay-logic';

export type AddressFieldName = 'to' | 'cc' | 'bcc';
export const ADDRESS_FIELDS: readonly AddressFieldName[] = ['to', 'cc', 'bcc'];
export type CheckedFieldName = AddressFieldName | 'delay' | 'sendAt';
export type FieldErrors = Partial<Record<CheckedFieldName, string>>;

export interface ComposeFields {
  /** To, Cc and Bcc: the text typed and not yet turned into a chip (see ComposeState.chips). */
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  /** The plain text of the body (the text part, or the plain alternative of `html`). */
  text: string;
  /** The rich-text body as the editor writes it; empty when the body has no formatting. */
  html: string;
  /** As typed into the number input; parsed only when sending. Starts at the core's undo-send setting. */
  delay: string;
  /** Send later, as an <input type="datetime-local"> value in local time; empty to send now. */
  sendAt: string;
}

/** The delay starts empty until the settings arrive; an untouched empty delay leaves the choice to the core. */
export const emptyFields: ComposeFields = { to: '', cc: '', bcc: '', subject: '', text: '', html: '', delay: '', sendAt: '' };

/** What Compose hands to outbox.submit (the account is added by the caller). */
export interface CheckedDraft {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  text: string;
  /** The editor's HTML, when the body has formatting. */
  html?: string;
  /** Left out when the core's own default applies. */
  delaySeconds?: number;
  /** Send later: epoch ms. */
  sendAt?: number;
}

export interface CheckContext {
  now: number;
  /** Whether the user typed into the delay field; an untouched empty field means "the core's default". */
  delayEdited?: boolean;
  /**
   * The Send later input holds a partly typed date (the browser reports its
   * value as empty then): that must not be mistaken for "send now".
   */
  sendAtIncomplete?: boolean;
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
    return parsed.invalid.map((bad) => t('compose.invalidAddress', { input: shorten(bad.input), reason: addressReason(bad.reason) })).join('; ');
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

/** Unlike the Settings default, an empty delay here means no delay. */
export function parseDelay(value: string): number | null {
  return value.trim() === '' ? 0 : parseDelaySeconds(value);
}

export type SendAtCheck = { ok: true; sendAt: number | null } | { ok: false; error: string };

/** Send later: empty means now; otherwise a real local date and time, in the future, at most a year ahead. */
export function checkSendAt(value: string, now: number, incomplete = false): SendAtCheck {
  if (incomplete) return { ok: false, error: t('compose.sendAtInvalid') };
  if (value.trim() === '') return { ok: true, sendAt: null };
  const sendAt = parseLocalInputValue(value);
  if (sendAt === null) return { ok: false, error: t('compose.sendAtInvalid') };
  if (sendAt <= now) return { ok: false, error: t('compose.sendAtPast') };
  if (sendAt > now + LIMITS.sendAtMaxAheadMs) return { ok: false, error: t('compose.sendAtTooFar') };
  return { ok: true, sendAt };
}

const FIELD_LABEL_KEYS = { to: 'compose.to', cc: 'compose.cc', bcc: 'compose.bcc', delay: 'compose.delay', sendAt: 'compose.sendAt' } as const;
const CHECK_ORDER: readonly CheckedFieldName[] = ['to', 'cc', 'bcc', 'delay', 'sendAt'];

/** The check run on Send: every field (To, Cc and Bcc as whole values), with a summary for the alert. */
export function checkDraft(fields: ComposeFields, context: CheckContext): DraftCheck {
  const errors: FieldErrors = {};
  const to = addressFieldError(fields.to, true);
  if (to) errors.to = to;
  const cc = addressFieldError(fields.cc, false);
  if (cc) errors.cc = cc;
  const bcc = addressFieldError(fields.bcc, false);
  if (bcc) errors.bcc = bcc;
  const sendAt = checkSendAt(fields.sendAt, context.now, context.sendAtIncomplete);
  if (!sendAt.ok) errors.sendAt = sendAt.error;
  const scheduled = sendAt.ok && sendAt.sendAt !== null;
  // A message sent later is held until that time; the undo delay does not apply to it.
  const useCoreDefault = scheduled || (!context.delayEdited && fields.delay.trim() === '');
  const delaySeconds = useCoreDefault ? undefined : parseDelay(fields.delay);
  if (delaySeconds === null) errors.delay = t('compose.delayInvalid', { max: LIMITS.delaySeconds });

  const invalid = CHECK_ORDER.filter((name) => errors[name] !== undefined);
  const firstInvalid = invalid[0];
  if (firstInvalid !== undefined) {
    const reason = invalid
      .map((name) => t('compose.fieldError', { field: t(FIELD_LABEL_KEYS[name]), message: errors[name] as string }))
      .join(' ');
    return { ok: false, errors, firstInvalid, summary: t('compose.refused', { reason }) };
  }
  const draft: CheckedDraft = { to: fields.to, subject: fields.subject, text: fields.text };
  if (fields.html !== '') draft.html = fields.html;
  if (fields.cc.trim() !== '') draft.cc = fields.cc;
  if (fields.bcc.trim() !== '') draft.bcc = fields.bcc;
  if (delaySeconds !== undefined && delaySeconds !== null) draft.delaySeconds = delaySeconds;
  if (sendAt.ok && sendAt.sendAt !== null) draft.sendAt = sendAt.sendAt;
  return { ok: true, draft };
}

/** One recipient per chip, names quoted where they need it. */
export function chipsFromRecipients(recipients: OutboxItem['recipients']): Record<AddressFieldName, string[]> {
  const chips = (name: AddressFieldName) =>
    recipients.filter((r) => r.field === name).map((r) => formatMailbox(r.name ? { name: r.name, address: r.address } : { address: r.address }));
  return { to: chips('to'), cc: chips('cc'), bcc: chips('bcc') };
}
