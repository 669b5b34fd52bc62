/**
 * One Sent copy over an open IMAP connection: decide whether the server files
 * sent mail itself, find the folder, look for a copy an interrupted APPEND may
 * have left, then (with `appending` on disk first) APPEND it with \Seen.
 */
import type { ImapFlow } from 'imapflow';
import type { Reason } from '../../../shared/errors';
import type { OutboxItem, SENT_COPY_MODES } from '../../../shared/model';
import { createSentFolder, findSentFolder } from './sent-folder';

export type SentCopyMode = (typeof SENT_COPY_MODES)[number];

export type CopyOutcome = { kind: 'filed'; folder: string } | { kind: 'skipped'; reason: Reason };

/** A refusal that trying again will not change. */
export class CopyRefused extends Error {
  constructor(readonly reason: Reason) {
    super(reason.key);
  }
}

/** Gmail files every message sent through its SMTP in "Sent Mail" itself; a second copy would show twice. */
export const serverFilesSentMail = (capabilities: ReadonlyMap<string, unknown>): boolean => capabilities.has('X-GM-EXT-1');

export interface FileCopyRequest {
  client: ImapFlow;
  item: OutboxItem;
  mode: SentCopyMode;
  /** The message as sent (same Message-ID and Date). */
  render: () => Promise<Buffer>;
  /** Writes `appending` with the folder and resolves once it is on disk. */
  markAppending: (folder: string) => Promise<void>;
}

/** True when a message with this Message-ID is in the folder. */
export async function folderHolds(client: ImapFlow, folder: string, messageId: string): Promise<boolean> {
  await client.mailboxOpen(folder, { readOnly: true });
  try {
    const uids = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    return Array.isArray(uids) && uids.length > 0;
  } finally {
    await client.mailboxClose().catch(() => undefined);
  }
}

const responseCode = (error: unknown): string => String((error as { serverResponseCode?: unknown })?.serverResponseCode ?? '').toUpperCase();

async function append(client: ImapFlow, folder: string, raw: Buffer, date: Date): Promise<void> {
  const result = await client.append(folder, raw, ['\\Seen'], date);
  // imapflow answers false, without sending anything, when the session is not logged in.
  if (!result) throw Object.assign(new Error('connection not available'), { code: 'NoConnection' });
}

export async function fileCopy({ client, item, mode, render, markAppending }: FileCopyRequest): Promise<CopyOutcome> {
  if (mode === 'auto' && serverFilesSentMail(client.capabilities)) return { kind: 'skipped', reason: { key: 'reason.sentCopyServerFiles' } };
  // Over the server's APPENDLIMIT (RFC 7889), no APPEND of it can ever have been stored: refused before anything else.
  const raw = await render();
  const limit = client.capabilities.get('APPENDLIMIT');
  if (typeof limit === 'number' && limit > 0 && raw.length > limit) throw new CopyRefused({ key: 'reason.sentCopyTooBig', values: { size: raw.length, limit } });
  const copy = item.sentCopy;
  // After an interrupted APPEND, the folder it went to is the one to search (and to use).
  const interrupted = copy?.state === 'appending' && copy.folder !== null;
  const folder = interrupted && copy.folder ? copy.folder : await findSentFolder(client);
  if (interrupted && (await folderHolds(client, folder, item.messageId))) return { kind: 'filed', folder };
  await markAppending(folder);
  const date = new Date(item.createdAt);
  try {
    await append(client, folder, raw, date);
  } catch (error) {
    const code = responseCode(error);
    if (code === 'TOOBIG' || code === 'LIMIT' || code === 'APPENDLIMIT') throw new CopyRefused({ key: 'reason.sentCopyTooBig', values: { size: raw.length, limit: typeof limit === 'number' ? limit : '?' } });
    if (code !== 'TRYCREATE') throw error;
    // The folder went away (or never was): made again once; refused, it is a failure to show, not to retry.
    try {
      await createSentFolder(client, folder);
    } catch (createError) {
      throw new CopyRefused({ key: 'reason.sentCopyFolderRefused', values: { folder, detail: detailOf(createError) } });
    }
    await append(client, folder, raw, date);
  }
  return { kind: 'filed', folder };
}

export function detailOf(error: unknown): string {
  const e = (error ?? {}) as { responseText?: string; response?: string; message?: string; code?: string };
  return String(e.responseText || e.response || e.message || e.code || 'unknown error').slice(0, 300);
}
