/** A folder's role from the server's special-use flag (RFC 6154), which imapflow also guesses from common names when absent. */
import type { ListResponse } from 'imapflow';
import type { FolderRole } from '../../../shared/mail-model';

const BY_FLAG: Record<string, FolderRole> = {
  '\\Inbox': 'inbox',
  '\\Sent': 'sent',
  '\\Drafts': 'drafts',
  '\\Trash': 'trash',
  '\\Junk': 'junk',
  '\\Archive': 'archive',
  '\\All': 'archive',
};

export function roleOf(entry: Pick<ListResponse, 'path' | 'specialUse'>): FolderRole {
  if (entry.path.toUpperCase() === 'INBOX') return 'inbox';
  return (entry.specialUse && BY_FLAG[entry.specialUse]) || 'other';
}

export function isSelectable(entry: Pick<ListResponse, 'flags'>): boolean {
  return !entry.flags.has('\\Noselect') && !entry.flags.has('\\NonExistent');
}
