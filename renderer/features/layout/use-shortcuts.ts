/**
 * Listens for the window-wide shortcuts while the app is mounted and runs the
 * named command the key stands for (registered by the feature that owns it).
 * A key nothing can act on now is left to the browser.
 */
import { useEffect } from 'react';
import { runMailCommand } from '../keyboard/command-registry';
import { useShortcutHelpStore } from '../keyboard/help-store';
import { isTypingElement, shortcutFor } from './shortcuts-logic';

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A control that already used the key (a list row's arrows, a chip's Delete).
      if (event.defaultPrevented || event.isComposing) return;
      const focused = document.activeElement as HTMLElement | null;
      const place = { typing: isTypingElement(focused), inDialog: document.querySelector('dialog[open]') !== null };
      const shortcut = shortcutFor(event, place);
      if (shortcut === null) return;
      if (shortcut === 'help') {
        event.preventDefault();
        useShortcutHelpStore.getState().setOpen(true);
        return;
      }
      if (runMailCommand(shortcut)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
