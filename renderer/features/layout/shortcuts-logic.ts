/** Window-wide keyboard shortcuts, decided from the key event alone. */

export type Shortcut = 'newMessage';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+N (Cmd+N on a Mac) opens a new message, wherever focus is. */
export function shortcutFor(event: KeyLike): Shortcut | null {
  const command = event.ctrlKey || event.metaKey;
  if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'n') return 'newMessage';
  return null;
}
