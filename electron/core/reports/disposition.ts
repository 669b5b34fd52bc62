/**
 * Reads a read receipt's machine-readable part, `message/disposition-notification`
 * (RFC 8098): who reports, for which recipient and message, and what happened.
 */
import { address } from './delivery-status';
import { first, parseFieldGroups, stripComments } from './field-groups';

export const DISPOSITION_TYPES = ['displayed', 'deleted', 'dispatched', 'processed'] as const;
export type DispositionType = (typeof DISPOSITION_TYPES)[number];

export interface DispositionNotification {
  reportingUa: string | null;
  originalRecipient: string | null;
  finalRecipient: string | null;
  originalMessageId: string | null;
  /** Null when missing or not one the RFC defines. */
  disposition: DispositionType | null;
  /** "manual-action" / "automatic-action", and how it was sent. */
  mode: string | null;
  problems: string[];
}

export function parseDisposition(body: string): DispositionNotification {
  const { groups, problems } = parseFieldGroups(body);
  const group = groups[0];
  const issues = [...problems];
  if (!group) issues.push('no fields');
  const field = stripComments(first(group, 'disposition') ?? '');
  // "manual-action/MDN-sent-manually; displayed" (modifiers after a slash).
  const [mode = '', kind = ''] = field.split(';').map((s) => s.trim().toLowerCase());
  const type = kind.split('/')[0]!.trim();
  const known = (DISPOSITION_TYPES as readonly string[]).includes(type) ? (type as DispositionType) : null;
  if (!known) issues.push('no valid Disposition');
  const original = first(group, 'original-message-id');
  return {
    reportingUa: stripComments(first(group, 'reporting-ua') ?? '') || null,
    originalRecipient: address(first(group, 'original-recipient')),
    finalRecipient: address(first(group, 'final-recipient')),
    originalMessageId: original ? (/<([^<>\s]+)>/.exec(original)?.[1] ?? null) : null,
    disposition: known,
    mode: mode || null,
    problems: issues,
  };
}
