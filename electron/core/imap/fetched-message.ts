/** What an IMAP header fetch returned, as the cache keeps it. Anything missing or odd becomes an empty value, never an error. */
import type { FetchMessageObject, FetchQueryObject, MessageAddressObject, MessageStructureObject } from 'imapflow';
import type { MessageFlags } from '../../../shared/mail-model';
import type { Mailbox } from '../../../shared/model';
import type { NewMessage } from '../mail/message-rows';
import { bareId } from '../mail/parse-message';

/** What a header fetch asks for: no body bytes. */
export const HEADER_QUERY: FetchQueryObject = { uid: true, flags: true, envelope: true, bodyStructure: true, size: true, internalDate: true, headers: ['references'] };

export function flagsOf(flags: Set<string> | undefined): MessageFlags {
  const has = (flag: string) => flags?.has(flag) === true;
  return { seen: has('\\Seen'), flagged: has('\\Flagged'), answered: has('\\Answered'), draft: has('\\Draft') };
}

export function newMessageOf(m: FetchMessageObject): NewMessage {
  const e = m.envelope;
  const date = validTime(e?.date) ?? validTime(m.internalDate) ?? 0;
  return {
    uid: m.uid,
    messageId: bareId(e?.messageId ?? ''),
    subject: e?.subject ?? '',
    from: mailboxes(e?.from)[0] ?? null,
    to: mailboxes(e?.to),
    cc: mailboxes(e?.cc),
    replyTo: mailboxes(e?.replyTo),
    inReplyTo: bareId(e?.inReplyTo ?? ''),
    references: referencesOf(m.headers),
    date,
    size: m.size ?? 0,
    flags: flagsOf(m.flags),
    hasAttachments: m.bodyStructure ? hasAttachment(m.bodyStructure) : false,
    modseq: m.modseq !== undefined ? m.modseq.toString() : null,
  };
}

function validTime(value: Date | string | undefined): number | null {
  if (value === undefined) return null;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? time : null;
}

function mailboxes(list: MessageAddressObject[] | undefined): Mailbox[] {
  return (list ?? [])
    .filter((a) => typeof a.address === 'string' && a.address)
    .map((a) => (a.name ? { name: a.name.slice(0, 256), address: (a.address as string).slice(0, 320) } : { address: (a.address as string).slice(0, 320) }));
}

/** The References header from the fetched header block: message ids in order, oldest first. */
export function referencesOf(headers: Buffer | undefined): string[] {
  if (!headers) return [];
  const text = headers.toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
  const line = /^references:(.*)$/im.exec(text)?.[1] ?? '';
  return (line.match(/<[^<>\s]+>/g) ?? []).map(bareId).slice(0, 200);
}

function hasAttachment(node: MessageStructureObject): boolean {
  if (node.childNodes?.length) return node.childNodes.some(hasAttachment);
  if (node.disposition === 'attachment') return true;
  const named = Boolean(node.dispositionParameters?.filename ?? node.parameters?.name);
  return named && !node.type.startsWith('text/') && node.disposition !== 'inline';
}
