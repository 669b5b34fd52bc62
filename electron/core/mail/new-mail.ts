/**
 * What counts as new mail worth a notice: unseen messages that arrived in an
 * Inbox after the account already knew that folder. A folder's first sync
 * (no state stored yet, so also after a restart mid-way through it) or a
 * renumbered folder brings old mail, not new mail.
 */
import type { MessageSummary, NewMail } from '../../../shared/mail-model';
import type { FolderState } from './mail-cache';

/** At most this many messages are named in one notice; the count covers the rest. */
export const NEW_MAIL_LATEST = 5;

/** True when this sync is the folder's first (nothing stored of it yet) or its UIDs were renumbered. */
export function isFirstSync(stored: FolderState | undefined, renumbered: boolean): boolean {
  return renumbered || stored === undefined || stored.uidValidity === null;
}

/** What the notice needs of a message just added. */
export type Arrival = Pick<MessageSummary, 'id' | 'from' | 'subject' | 'date'> & { flags: Pick<MessageSummary['flags'], 'seen'> };

/** The notice for messages just added to a folder, or null when none of them is unread. */
export function newMailOf(accountId: string, folderId: string, added: readonly Arrival[]): NewMail | null {
  const unseen = added.filter((m) => !m.flags.seen).sort((a, b) => b.date - a.date);
  if (unseen.length === 0) return null;
  return {
    accountId,
    folderId,
    count: unseen.length,
    latest: unseen.slice(0, NEW_MAIL_LATEST).map((m) => ({ id: m.id, from: m.from, subject: m.subject })),
  };
}
