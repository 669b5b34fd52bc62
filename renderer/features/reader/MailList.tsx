/**
 * The message list: as tall as the whole folder, but only the rows on screen
 * are rendered, and only the window around them is asked of the core
 * (list-window-logic.ts). Rows not loaded yet show as placeholders. One row
 * holds the tab stop; arrows, Home, End and the page keys move and open.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { MessageSummary } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { useReaderStore } from '../../store/reader';
import { listKey } from '../../store/reader-logic';
import { useT } from '../../i18n/use-t';
import { nextIndex } from '../list/list-nav-logic';
import { rowAt } from './list-window-logic';
import { folderLabel } from './folder-label';
import { MessageRow } from './MessageRow';
import { ensureVisible, openMessage } from './reader-actions';
import { registerMailCommand } from '../keyboard/command-registry';

export const MAIL_ROW_HEIGHT = 58;

export function MailList({ label, empty }: { label: string; empty: string }) {
  const { t } = useT();
  const api = useApi();
  const state = useReaderStore();
  const list = state.list?.key === listKey(state) ? state.list : null;
  const total = list?.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusIndex = useRef<number | null>(null);
  const folderNames = useMemo(() => new Map(state.folders.map((f) => [f.id, folderLabel(f)])), [state.folders]);
  /** A row the keyboard moved to before its window had loaded: opened once it has. */
  const wanted = useRef<number | null>(null);
  const searching = state.query !== '';
  const now = Date.now();

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => MAIL_ROW_HEIGHT,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  // The rows on screen decide which window is asked for.
  useEffect(() => {
    if (last >= first && total > 0) ensureVisible(api, { start: first, end: last });
  }, [api, first, last, total, list?.offset, list?.rows.length]);

  // A new list starts at its top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [list?.key]);

  const selectedIndex = useMemo(() => {
    if (!list || state.selectedId === null) return -1;
    const i = list.rows.findIndex((r) => r.id === state.selectedId);
    return i < 0 ? -1 : list.offset + i;
  }, [list, state.selectedId]);
  const tabStop = selectedIndex >= first && selectedIndex <= last ? selectedIndex : first;

  useLayoutEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      focusIndex.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const open = (row: MessageSummary | undefined) => {
    if (row) void openMessage(api, row.id);
  };

  useEffect(() => {
    if (wanted.current === null || !list) return;
    const row = rowAt(list, wanted.current);
    if (!row) return;
    wanted.current = null;
    open(row);
    // Only when a new window arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list]);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget || !list) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(rowAt(list, index));
      return;
    }
    const pageSize = Math.floor((scrollRef.current?.clientHeight ?? MAIL_ROW_HEIGHT) / MAIL_ROW_HEIGHT) - 1;
    const next = nextIndex(event.key, index, total, pageSize);
    if (next === null) return;
    event.preventDefault();
    moveTo(next, true);
  };

  /** Selects and opens row `next` (once loaded), scrolled into view; `focus` moves the keyboard focus with it. */
  const moveTo = (next: number, focus: boolean) => {
    if (!list) return;
    if (focus) focusIndex.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const row = rowAt(list, next);
    wanted.current = row ? null : next;
    open(row);
  };

  // j/k and the arrows from anywhere outside the list: the next or previous message. Focus follows only when it was in the list.
  const step = useRef<(key: 'ArrowDown' | 'ArrowUp') => void>(() => {});
  step.current = (key) => {
    const next = nextIndex(key, selectedIndex, total, 0);
    if (next === null || !list) return;
    moveTo(next, listRef.current?.contains(document.activeElement) === true);
  };
  useEffect(() => {
    const stops = [registerMailCommand('next', () => step.current('ArrowDown')), registerMailCommand('previous', () => step.current('ArrowUp'))];
    return () => stops.forEach((stop) => stop());
  }, []);

  return (
    <div className="mlist">
      <div ref={scrollRef} className="vlist-scroll">
        <ul ref={listRef} className="vlist-rows" aria-label={label} aria-busy={list === null} style={{ height: virtualizer.getTotalSize() }}>
          {list &&
            items.map((item) => {
              const row = rowAt(list, item.index);
              const selected = item.index === selectedIndex;
              return (
                <li
                  key={row?.id ?? `slot-${item.index}`}
                  data-index={item.index}
                  className={`vrow mail-row${selected ? ' is-selected' : ''}${row ? '' : ' is-loading'}`}
                  style={{ transform: `translateY(${item.start}px)`, height: MAIL_ROW_HEIGHT }}
                  tabIndex={item.index === tabStop ? 0 : -1}
                  aria-current={selected ? 'true' : undefined}
                  aria-posinset={item.index + 1}
                  aria-setsize={total}
                  onClick={() => {
                    focusIndex.current = null;
                    open(row);
                  }}
                  onKeyDown={(event) => onKeyDown(event, item.index)}
                >
                  {row ? (
                    <MessageRow row={row} folderName={searching ? (folderNames.get(row.folderId) ?? null) : null} now={now} />
                  ) : (
                    <span className="muted">{t('reader.loadingRow')}</span>
                  )}
                </li>
              );
            })}
        </ul>
        {list && total === 0 && (
          <div className="vlist-empty">
            <p className="muted">{empty}</p>
          </div>
        )}
      </div>
    </div>
  );
}
