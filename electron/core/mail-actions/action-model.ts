/**
 * A mailbox action as the queue keeps it: what the user did, to which
 * messages (with where each was on the server when the action was taken, so a
 * replay after a restart or a renumbered folder still finds it), and how to
 * take it back.
 */
import type { FolderRole, MailActionKind } from '../../../shared/mail-model';

export interface ActedMessage {
  /** The row's id in the store. */
  id: string;
  folderId: string;
  path: string;
  uid: number;
  uidValidity: number | null;
  /** The Message-ID header, to find the message again after a UIDVALIDITY change. */
  messageId: string;
  /** Flags before the action, for Undo. */
  seen: boolean;
  flagged: boolean;
}

/** What the server is asked to do. */
export type ServerStep =
  | { op: 'flags'; flag: '\\Seen' | '\\Flagged'; set: boolean }
  | { op: 'move'; path: string; role: FolderRole }
  | { op: 'expunge' };

export interface StoredAction {
  id: string;
  accountId: string;
  kind: MailActionKind;
  at: number;
  messages: ActedMessage[];
  step: ServerStep;
  /** The local folder a move went to, when it exists here. */
  targetFolderId: string | null;
  /** Set once the server did it; for a move, where the messages are now (UIDPLUS), for Undo. */
  done: { path: string | null; uids: (number | null)[] } | null;
  /** A mailbox without a server (the sandbox): done here, never replayed. */
  local: boolean;
  /** This action takes back another one (Undo after the server had it). */
  undoes: string | null;
  attempts: number;
}

export const FLAG_STEPS: Partial<Record<MailActionKind, ServerStep>> = {
  seen: { op: 'flags', flag: '\\Seen', set: true },
  unseen: { op: 'flags', flag: '\\Seen', set: false },
  flag: { op: 'flags', flag: '\\Flagged', set: true },
  unflag: { op: 'flags', flag: '\\Flagged', set: false },
};

/** The role a filing action sends mail to. */
export const TARGET_ROLES: Partial<Record<MailActionKind, FolderRole>> = { archive: 'archive', delete: 'trash', junk: 'junk', notJunk: 'inbox' };

/** The folder name used when the server has no folder with that role yet (created on replay). */
export const DEFAULT_NAMES: Partial<Record<FolderRole, string>> = { archive: 'Archive', trash: 'Trash', junk: 'Junk', inbox: 'INBOX' };

export const UNDOABLE: ReadonlySet<MailActionKind> = new Set(['move', 'archive', 'delete', 'junk', 'notJunk', 'seen', 'unseen', 'flag', 'unflag']);
