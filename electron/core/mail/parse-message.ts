/**
 * A raw message read for display with mailparser: text, HTML (the sender's,
 * untouched: only the renderer's sandboxed frame shows it), attachments named
 * by MIME part number, and a `problem` when the MIME was not clean. Whatever
 * the bytes, this returns; it never throws.
 */
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import type { Reason } from '../../../shared/errors';
import type { MailAttachment } from '../../../shared/mail-model';
import { parseAddressList } from '../../../shared/address';
import type { Mailbox } from '../../../shared/model';
import { reason } from '../../../shared/i18n/reason';

export interface ParsedBody {
  text: string | null;
  html: string | null;
  attachments: MailAttachment[];
  hasRemoteContent: boolean;
  problem: Reason | null;
  /** The first words, for lists. */
  preview: string;
  /** What search indexes. */
  bodyText: string;
  /** Mail-Followup-To: where the sender wants Reply all to go (a mailing list, usually). */
  followupTo: Mailbox[];
}

export interface ParsedHeaders {
  messageId: string;
  subject: string;
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  replyTo: Mailbox[];
  inReplyTo: string;
  references: string[];
  date: number | null;
}

const PREVIEW_CHARS = 200;
const INDEXED_CHARS = 64 * 1024;
// Anything the HTML could fetch on its own: src/background/poster attributes, CSS url(), srcset, link hrefs to styles.
const REMOTE_REFERENCE = /(?:\b(?:src|background|poster|srcset|data)\s*=\s*["']?\s*(?:https?:)?\/\/)|url\(\s*["']?\s*(?:https?:)?\/\/|<link\b[^>]*href\s*=\s*["']?\s*(?:https?:)?\/\//i;

async function parse(raw: Buffer): Promise<{ mail: ParsedMail | null; error: string | null }> {
  try {
    return { mail: await simpleParser(raw, { keepCidLinks: true, skipImageLinks: true }), error: null };
  } catch (error) {
    return { mail: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function parseBody(raw: Buffer): Promise<ParsedBody> {
  const { mail, error } = await parse(raw);
  if (!mail) {
    // Nothing parsed: show the bytes as text rather than nothing.
    const text = raw.toString('utf8');
    return { text, html: null, attachments: [], hasRemoteContent: false, problem: reason('reason.mailUnreadable', { detail: error ?? 'MIME' }), preview: previewOf(text), bodyText: text.slice(0, INDEXED_CHARS), followupTo: [] };
  }
  const html = typeof mail.html === 'string' ? mail.html : null;
  const problems = [mail.textConversionError?.message, ...mimeDefects(mail)].filter(Boolean) as string[];
  // A structure mailparser could not follow leaves no text: then the raw body is the best there is.
  const text = mail.text || (problems.length && html === null ? rawBodyOf(raw) : null) || null;
  return {
    text,
    html,
    attachments: mail.attachments.map(attachmentOf),
    hasRemoteContent: html !== null && REMOTE_REFERENCE.test(html),
    problem: problems.length ? reason('reason.mailUnreadable', { detail: problems.join('; ') }) : null,
    preview: previewOf(text ?? ''),
    bodyText: (text ?? '').slice(0, INDEXED_CHARS),
    followupTo: followupOf(mail.headers.get('mail-followup-to')),
  };
}

export async function parseHeaders(raw: Buffer): Promise<ParsedHeaders> {
  const { mail } = await parse(raw);
  if (!mail) return { messageId: '', subject: '', from: null, to: [], cc: [], replyTo: [], inReplyTo: '', references: [], date: null };
  return {
    messageId: bareId(mail.messageId ?? ''),
    subject: mail.subject ?? '',
    from: mailboxesOf(mail.from)[0] ?? null,
    to: mailboxesOf(mail.to),
    cc: mailboxesOf(mail.cc),
    replyTo: mailboxesOf(mail.replyTo),
    inReplyTo: bareId(mail.inReplyTo ?? ''),
    references: ([] as string[]).concat(mail.references ?? []).map(bareId).filter(Boolean),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.getTime() : null,
  };
}

/** One attachment's decoded bytes, by MIME part number; null when the message has no such part. */
export async function attachmentContent(raw: Buffer, partId: string): Promise<{ meta: MailAttachment; content: Buffer } | null> {
  const { mail } = await parse(raw);
  const index = mail ? mail.attachments.findIndex((a, i) => (a.partId ?? String(i + 1)) === partId) : -1;
  const found = index >= 0 ? mail?.attachments[index] : undefined;
  return found ? { meta: attachmentOf(found, index), content: found.content } : null;
}

/** Every attachment of the message with its bytes (forwarding takes them all). */
export async function attachmentsOf(raw: Buffer): Promise<{ meta: MailAttachment; content: Buffer }[]> {
  const { mail } = await parse(raw);
  return (mail?.attachments ?? []).map((a, i) => ({ meta: attachmentOf(a, i), content: a.content }));
}

function attachmentOf(a: Attachment, index: number): MailAttachment {
  return {
    partId: a.partId ?? String(index + 1),
    name: a.filename ?? `attachment-${index + 1}`,
    type: a.contentType || 'application/octet-stream',
    size: a.size,
    contentId: a.cid ?? null,
    inline: a.contentDisposition === 'inline' || a.related === true,
  };
}

/** mailparser is lenient; these are what it leaves as signs of damage. */
function mimeDefects(mail: ParsedMail): string[] {
  const found: string[] = [];
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.startsWith('multipart/') && !type.params?.boundary) found.push('multipart without a boundary');
  return found;
}

export function mailboxesOf(value: AddressObject | AddressObject[] | undefined): Mailbox[] {
  const out: Mailbox[] = [];
  for (const header of ([] as AddressObject[]).concat(value ?? [])) {
    for (const entry of header.value) {
      for (const one of entry.group ?? [entry]) {
        if (!one.address) continue;
        out.push(one.name ? { name: one.name.slice(0, 256), address: one.address.slice(0, 320) } : { address: one.address.slice(0, 320) });
      }
    }
  }
  return out;
}

export const bareId = (id: string): string => id.trim().replace(/^<|>$/g, '').trim();

function rawBodyOf(raw: Buffer): string {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  return end < 0 ? '' : text.slice(end).trim();
}

function previewOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_CHARS);
}

/** Mail-Followup-To comes as text: read with our own address parser; one bad entry voids it (Reply all then uses To and Cc). */
function followupOf(value: unknown): Mailbox[] {
  if (typeof value !== 'string') return [];
  const parsed = parseAddressList(value.replace(/\r?\n[ \t]+/g, ' ').trim());
  return parsed.ok ? parsed.mailboxes : [];
}
