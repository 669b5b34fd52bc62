/** Unread mail across every account's Inbox: the window title's count and the dock/taskbar badge. */
import type { Folder } from './mail-model';

export function inboxUnread(folders: readonly Pick<Folder, 'role' | 'unread'>[]): number {
  return folders.reduce((sum, f) => (f.role === 'inbox' ? sum + Math.max(0, f.unread) : sum), 0);
}
