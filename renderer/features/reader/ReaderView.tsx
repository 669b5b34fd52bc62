/**
 * The reading window's right side: the message list (search, its title and
 * count, sort and filters) and the reading pane, side by side in a wide
 * window and one above the other in a narrow one, with a movable divider.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/use-t';
import { useReaderStore } from '../../store/reader';
import { listKey } from '../../store/reader-logic';
import { ActionNotices } from '../actions/ActionNotices';
import { ViewTitle } from '../layout/ViewTitle';
import { Divider } from './Divider';
import { folderLabel } from './folder-label';
import { ListToolbar } from './ListToolbar';
import { MailList } from './MailList';
import { ReadingPane } from './ReadingPane';
import { SearchField } from './SearchField';
import { ServerSearchNote } from './ServerSearchNote';

/** Side by side from this width of the window; above it the reading pane has room for a message. */
const SIDE_BY_SIDE = '(min-width: 1100px)';

function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (listener: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', listener);
      return () => media.removeEventListener('change', listener);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

export function ReaderView() {
  const { t, tPlural } = useT();
  const state = useReaderStore();
  const sideBySide = useMedia(SIDE_BY_SIDE);
  const container = useRef<HTMLDivElement>(null);
  const folder = state.folders.find((f) => f.id === state.folderId) ?? null;
  const searching = state.query !== '';
  const list = state.list?.key === listKey(state) ? state.list : null;
  const title = searching ? t('reader.searchTitle') : folder ? folderLabel(folder) : t('reader.listLabel');
  const filtered = state.unreadOnly || state.flaggedOnly;
  const empty = searching ? t('reader.noResults') : !folder ? t('reader.noFolder') : filtered ? t('reader.emptyFiltered') : t('reader.empty');
  // Stacked in a short window (800×600 with the welcome note), the list keeps room for its head and a few rows.
  const tracks = sideBySide
    ? `minmax(0, ${state.split}fr) auto minmax(0, ${1 - state.split}fr)`
    : `minmax(min(16rem, 65%), ${state.split}fr) auto minmax(0, ${1 - state.split}fr)`;

  return (
    <div
      ref={container}
      className={`reader ${sideBySide ? 'is-side' : 'is-stacked'}`}
      data-view-root
      style={sideBySide ? { gridTemplateColumns: tracks } : { gridTemplateRows: tracks }}
    >
      <section className="list-pane" aria-labelledby="view-title">
        <header className="pane-head">
          <ViewTitle>{title}</ViewTitle>
          {list && (
            <span className="muted list-count" role="status">
              {searching ? tPlural('reader.results', list.total) : tPlural('reader.count', list.total)}
            </span>
          )}
          <SearchField />
          {searching && <ServerSearchNote />}
          <ListToolbar />
          <ActionNotices folder={folder} />
        </header>
        {state.listError && <p className="panel-error">{state.listError}</p>}
        <MailList label={title} empty={empty} />
      </section>
      <Divider vertical={sideBySide} container={() => container.current} />
      <ReadingPane />
    </div>
  );
}
