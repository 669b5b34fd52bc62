/**
 * Window-wide keyboard shortcuts, decided from the key event and where focus
 * is. Single keys (r, j, ?…) are letters the user may be typing, so they never
 * act while focus is in a text field or inside a dialog; Ctrl/Cmd+N acts
 * everywhere, Ctrl/Cmd+Z only outside fields (a field has its own undo).
 */
import type { MailCommand } from '../keyboard/command-registry';

export type Shortcut = MailCommand | 'help';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface FocusPlace {
  /** Focus is in a field that takes typed text (input, textarea, select, contenteditable). */
  typing: boolean;
  /** A modal dialog is open. */
  inDialog: boolean;
}

/** One shortcut as the help dialog lists it: the keys (as KeyboardEvent.key names or "Mod+x") and what they do. */
export interface ShortcutEntry {
  keys: readonly string[];
  action: Shortcut;
}

/** Every shortcut, in the order the help dialog shows them; the single keys below are derived from it. */
export const SHORTCUTS: readonly ShortcutEntry[] = [
  { keys: ['c', 'Mod+n'], action: 'newMessage' },
  { keys: ['r'], action: 'reply' },
  { keys: ['a', 'R'], action: 'replyAll' },
  { keys: ['f'], action: 'forward' },
  { keys: ['e'], action: 'archive' },
  { keys: ['Delete', '#'], action: 'delete' },
  { keys: ['!'], action: 'junk' },
  { keys: ['s'], action: 'toggleStar' },
  { keys: ['u'], action: 'toggleRead' },
  { keys: ['j', 'ArrowDown'], action: 'next' },
  { keys: ['k', 'ArrowUp'], action: 'previous' },
  { keys: ['/'], action: 'focusSearch' },
  { keys: ['Mod+z'], action: 'undo' },
  { keys: ['?'], action: 'help' },
];

const SINGLE = new Map<string, Shortcut>(SHORTCUTS.flatMap((s) => s.keys.filter((k) => !k.startsWith('Mod+')).map((k) => [k, s.action] as const)));

const TEXTLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether keys pressed with this element focused are text the user is typing. */
export function isTypingElement(element: { tagName: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!element) return false;
  if (element.isContentEditable === true) return true;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  return element.tagName === 'INPUT' && !TEXTLESS_INPUTS.has((element.type ?? 'text').toLowerCase());
}

export function shortcutFor(event: KeyLike, place: FocusPlace = { typing: false, inDialog: false }): Shortcut | null {
  if (event.altKey) return null;
  if (event.ctrlKey || event.metaKey) {
    if (event.shiftKey) return null;
    const key = event.key.toLowerCase();
    if (key === 'n') return 'newMessage';
    if (key === 'z' && !place.typing && !place.inDialog) return 'undo';
    return null;
  }
  if (place.typing || place.inDialog) return null;
  return SINGLE.get(event.key) ?? null;
}
