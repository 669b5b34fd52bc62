/**
 * A messages row and what it becomes for the renderer. Parsing is strict: a
 * row whose JSON columns do not read back is reported (DamagedRow) so the
 * caller can set it aside instead of failing the whole list.
 */
import type { Mailbox } from '../../../shared/model';
import type { MessageFlags, MessageSummary } from '../../../shared/mail-model';

export interface MessageRow {
  rowid: number;
  id: string;
  folder_id: string;
  account_id: string;
  uid: number;
  message_id: string;
  subject: string;
  from_json: string | null;
  to_json: string;
  cc_json: string;
  reply_to_json: string;
  in_reply_to: string;
  references_json: string;
  date: number;
  size: number;
  seen: number;
  flagged: number;
  answered: number;
  draft: number;
  has_attachments: number;
  thread_id: string;
  preview: string;
  body_sha: string | null;
  thread_size?: number;
}

/** What a sync or the sandbox knows of a message before its body is read. */
export interface NewMessage {
  uid: number;
  messageId: string;
  subject: string;
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  replyTo: Mailbox[];
  inReplyTo: string;
  references: string[];
  date: number;
  size: number;
  flags: MessageFlags;
  hasAttachments: boolean;
  modseq?: string | null;
}

export class DamagedRow extends Error {
  constructor(
    readonly row: MessageRow,
    readonly why: string,
  ) {
    super(`message row ${row.id}: ${why}`);
  }
}

export const SUMMARY_COLUMNS =
  'm.rowid, m.id, m.folder_id, f.account_id, m.uid, m.message_id, m.subject, m.from_json, m.to_json, m.cc_json, m.reply_to_json, m.in_reply_to, m.references_json, m.date, m.size, m.seen, m.flagged, m.answered, m.draft, m.has_attachments, m.thread_id, m.preview, m.body_sha';

export function toSummary(row: MessageRow, cached: boolean): MessageSummary {
  return {
    id: row.id,
    accountId: row.account_id,
    folderId: row.folder_id,
    messageId: row.message_id,
    subject: row.subject,
    from: row.from_json === null ? null : mailbox(readJson(row, row.from_json)),
    to: mailboxes(row, row.to_json),
    date: row.date,
    size: row.size,
    flags: { seen: row.seen === 1, flagged: row.flagged === 1, answered: row.answered === 1, draft: row.draft === 1 },
    hasAttachments: row.has_attachments === 1,
    preview: row.preview,
    threadId: row.thread_id,
    threadSize: row.thread_size ?? 1,
    cached,
  };
}

export function mailboxes(row: MessageRow, text: string): Mailbox[] {
  const value = readJson(row, text);
  if (!Array.isArray(value)) throw new DamagedRow(row, 'an address list is not a list');
  return value.map(mailbox);
}

export function stringList(row: MessageRow, text: string): string[] {
  const value = readJson(row, text);
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new DamagedRow(row, 'references are not a list of strings');
  return value as string[];
}

function mailbox(value: unknown): Mailbox {
  const v = value as { name?: unknown; address?: unknown } | null;
  if (!v || typeof v.address !== 'string') throw new Error('not an address');
  return typeof v.name === 'string' && v.name ? { name: v.name.slice(0, 256), address: v.address.slice(0, 320) } : { address: v.address.slice(0, 320) };
}

function readJson(row: MessageRow, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DamagedRow(row, 'a column is not JSON');
  }
}

/** The conversation a message belongs to: the first of its References, else what it replies to, else itself. */
export function threadKey(messageId: string, inReplyTo: string, references: readonly string[], fallback: string): string {
  return references[0] || inReplyTo || messageId || fallback;
}

/** Lower-cased, without reply and forward prefixes, so "Re: Plans" sorts with "Plans". */
export function subjectSortKey(subject: string): string {
  return subject.replace(/^\s*((re|fwd?|aw|wg|tr|отв|пер)\s*(\[\d+\])?\s*:\s*)+/i, '').trim().toLowerCase();
}

export function fromSortKey(from: Mailbox | null): string {
  return (from?.name || from?.address || '').trim().toLowerCase();
}
