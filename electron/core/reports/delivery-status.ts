/**
 * Reads the machine-readable part of a delivery report: `message/delivery-status`
 * (RFC 3464) and its UTF-8 form `message/global-delivery-status` (RFC 6533).
 * The first group describes the message, each later group one recipient.
 */
import { first, parseFieldGroups, typed, type FieldGroup } from './field-groups';

export const DSN_ACTIONS = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'] as const;
export type DsnAction = (typeof DSN_ACTIONS)[number];

export interface ReportedRecipient {
  /** The address we gave in ORCPT, decoded; null when the report omits it. */
  originalRecipient: string | null;
  /** The address the reporting server acted on (required by the RFC; null when a server left it out). */
  finalRecipient: string | null;
  /** Null when missing or not one of the five the RFC defines. */
  action: DsnAction | null;
  /** "x.y.z" (RFC 3463), null when missing or malformed. */
  status: string | null;
  remoteMta: string | null;
  /** The remote server's own words, as reported. */
  diagnostic: string | null;
  lastAttempt: number | null;
  willRetryUntil: number | null;
}

export interface DeliveryStatus {
  /** Our ENVID as the report echoes it, decoded from xtext. */
  envelopeId: string | null;
  reportingMta: string | null;
  arrival: number | null;
  recipients: ReportedRecipient[];
  /** What could not be read, for the "malformed report" note; empty for a clean report. */
  problems: string[];
}

export function parseDeliveryStatus(body: string): DeliveryStatus {
  const { groups, problems } = parseFieldGroups(body);
  const [message, ...rest] = groups;
  const issues = [...problems];
  if (!message) issues.push('no fields');
  // A report whose first group already names a recipient has no per-message group: read it as a recipient.
  const perRecipient = message && isRecipientGroup(message) ? groups : rest;
  const perMessage = message && !isRecipientGroup(message) ? message : undefined;
  const recipients = perRecipient.map((group, index) => readRecipient(group, index, issues));
  if (message && recipients.length === 0) issues.push('no recipient groups');
  const envid = first(perMessage, 'original-envelope-id');
  return {
    envelopeId: envid === null ? null : decodeXtext(envid.trim()),
    reportingMta: typed(first(perMessage, 'reporting-mta'))?.value ?? null,
    arrival: date(first(perMessage, 'arrival-date')),
    recipients,
    problems: issues,
  };
}

const isRecipientGroup = (group: FieldGroup): boolean => group.fields.has('final-recipient') || group.fields.has('action');

function readRecipient(group: FieldGroup, index: number, issues: string[]): ReportedRecipient {
  const action = first(group, 'action')?.toLowerCase().replace(/\(.*\)/, '').trim() ?? null;
  const status = /^\s*([245]\.\d{1,3}\.\d{1,3})\b/.exec(first(group, 'status') ?? '')?.[1] ?? null;
  const finalRecipient = address(first(group, 'final-recipient'));
  const known = (DSN_ACTIONS as readonly string[]).includes(action ?? '') ? (action as DsnAction) : null;
  if (!finalRecipient) issues.push(`recipient ${index + 1}: no Final-Recipient`);
  if (!known) issues.push(`recipient ${index + 1}: no valid Action`);
  if (!status) issues.push(`recipient ${index + 1}: no valid Status`);
  return {
    originalRecipient: address(first(group, 'original-recipient')),
    finalRecipient,
    action: known,
    status,
    remoteMta: typed(first(group, 'remote-mta'))?.value ?? null,
    diagnostic: typed(first(group, 'diagnostic-code'), true)?.value || null,
    lastAttempt: date(first(group, 'last-attempt-date')),
    willRetryUntil: date(first(group, 'will-retry-until')),
  };
}

/** "rfc822; a@b" (xtext-decoded) or "utf-8; ..." (RFC 6533: UTF-8 as is, \x{HEX} escapes decoded). */
export function address(value: string | null): string | null {
  const parsed = typed(value);
  if (!parsed?.value) return null;
  let text = parsed.value;
  if (parsed.type === 'utf-8') text = text.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/g, (whole, hex: string) => codePoint(parseInt(hex, 16)) ?? whole);
  else text = decodeXtext(text);
  text = text.replace(/^<(.*)>$/, '$1').trim();
  return text || null;
}

/** RFC 3461 xtext: "+" and two upper-case hex digits stand for one byte. */
export function decodeXtext(value: string): string {
  if (!value.includes('+')) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '+' ? /^[0-9A-Fa-f]{2}/.exec(value.slice(i + 1, i + 3))?.[0] : undefined;
    if (hex) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function codePoint(value: number): string | null {
  try {
    return value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff) ? String.fromCodePoint(value) : null;
  } catch {
    return null;
  }
}

function date(value: string | null): number | null {
  if (!value) return null;
  const time = Date.parse(value.replace(/\([^)]*\)/g, ' ').trim());
  return Number.isFinite(time) ? time : null;
}
