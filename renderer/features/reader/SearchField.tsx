/**
 * Search as you type: the query goes to the core after a short pause, over
 * every folder. Ctrl/Cmd+F or "/" (the window command focusSearch) focus it; Escape clears it.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { useReaderStore } from '../../store/reader';
import { searchShortcut } from './search-logic';
import { registerMailCommand } from '../keyboard/command-registry';

export const SEARCH_FIELD_ID = 'mail-search';
const PAUSE_MS = 200;

export function SearchField() {
  const { t } = useT();
  const typed = useReaderStore((s) => s.typed);
  const setTyped = useReaderStore((s) => s.setTyped);
  const setQuery = useReaderStore((s) => s.setQuery);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, setQuery]);

  useEffect(() => {
    const focus = () => {
      input.current?.focus();
      input.current?.select();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!searchShortcut(event)) return;
      event.preventDefault();
      focus();
    };
    window.addEventListener('keydown', onKeyDown);
    const unregister = registerMailCommand('focusSearch', focus);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unregister();
    };
  }, []);

  return (
    <div className="search-field" role="search">
      <input
        ref={input}
        id={SEARCH_FIELD_ID}
        type="search"
        value={typed}
        placeholder={t('reader.searchHint')}
        aria-label={t('reader.search')}
        aria-keyshortcuts="Control+F Meta+F /"
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && typed !== '') {
            event.preventDefault();
            setTyped('');
            setQuery('');
          }
        }}
      />
    </div>
  );
}
