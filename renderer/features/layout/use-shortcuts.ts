/** Listens for the window-wide shortcuts while the app is mounted. */
import { useEffect } from 'react';
import { startNewMessage } from '../compose/open-compose';
import { shortcutFor } from './shortcuts-logic';

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (shortcutFor(event) === 'newMessage') {
        event.preventDefault();
        void startNewMessage();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
