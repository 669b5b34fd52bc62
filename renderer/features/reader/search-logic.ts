/** Which key presses focus the search field: Ctrl/Cmd+F anywhere, "/" when the user is not typing in a field. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const isTypingTarget = (element: Element | null): boolean =>
  element !== null && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || (element as HTMLElement).isContentEditable === true);

export function searchShortcut(event: KeyLike, focused: Element | null): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !isTypingTarget(focused);
}
