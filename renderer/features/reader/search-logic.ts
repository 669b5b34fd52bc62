/** Which key presses focus the search field from the field itself: Ctrl/Cmd+F anywhere ("/" is a window shortcut, layout/shortcuts-logic.ts). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function searchShortcut(event: KeyLike): boolean {
  if (event.altKey) return false;
  return (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
}
