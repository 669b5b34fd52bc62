/**
 * A list that renders only the rows in view (TanStack Virtual), so 10,000
 * messages scroll as smoothly as ten. It stays a list to assistive technology
 * (role list, listitems with their position in the whole set); one row is in
 * the Tab order, the arrow keys, Home, End and the page keys move the
 * selection, and the selected row is scrolled into view.
 *
 * Row positions are set through React's style prop (CSSOM), which the
 * Content-Security-Policy allows; there is no inline style attribute.
 *
 * While it scrolls, a frame renders only the rows it shows; the rows ahead
 * are mounted and laid out between frames (use-row-window.ts), so no single
 * task grows long on a busy machine.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { nextIndex, tabStopIndex } from './list-nav-logic';
import type { IndexRange } from './row-window-logic';
import { FRAME_OVERSCAN, useRowWindow } from './use-row-window';
import { VirtualRow } from './VirtualRow';

interface Props<T extends { id: string }> {
  label: string;
  /** The rows loaded: the whole list, or a window of it starting at `offset`. */
  items: readonly T[];
  /** Rows in the whole list, when `items` is only a window of it. */
  total?: number;
  offset?: number;
  /** Told which rows are mounted, so a windowed list can ask for them. */
  onVisible?(range: IndexRange): void;
  /** Shown in a row whose window has not arrived yet. */
  loadingRow?: ReactNode;
  rowHeight: number;
  selectedId: string | null;
  onSelect(id: string): void;
  /** The grid template shared by the header and the rows. */
  columnsClass: string;
  header: ReactNode;
  empty: ReactNode;
  rowClassName?(item: T): string;
  renderRow(item: T): ReactNode;
}

export function VirtualList<T extends { id: string }>({
  label,
  items,
  total = items.length,
  offset = 0,
  onVisible,
  loadingRow,
  rowHeight,
  selectedId,
  onSelect,
  columnsClass,
  header,
  empty,
  rowClassName,
  renderRow,
}: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusRequest = useRef<number | null>(null);
  /** A row the keyboard moved to before its window had loaded: selected once it has. */
  const wanted = useRef<number | null>(null);
  const itemAt = useCallback((index: number): T | undefined => items[index - offset], [items, offset]);

  // Rows have one fixed height, so the virtualizer keys its offsets by index: a new window of rows (or a new
  // getItemKey) would otherwise make it recompute the offsets of the whole list each time one arrives.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // What the frame being drawn needs: useRowWindow prepares more between frames.
    overscan: FRAME_OVERSCAN,
  });
  const indexes = useRowWindow(virtualizer, total, listRef);
  const selectedIndex = useMemo(() => {
    const at = selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId);
    return at < 0 ? -1 : at + offset;
  }, [items, offset, selectedId]);
  const tabStop = tabStopIndex(selectedIndex, indexes);

  const firstMounted = indexes[0] ?? -1;
  const lastMounted = indexes[indexes.length - 1] ?? -1;
  useEffect(() => {
    if (onVisible && firstMounted >= 0) onVisible({ start: firstMounted, end: lastMounted });
  }, [onVisible, firstMounted, lastMounted, offset, items.length]);

  // The row the keyboard asked for has arrived.
  useEffect(() => {
    if (wanted.current === null) return;
    const item = itemAt(wanted.current);
    if (!item) return;
    focusRequest.current = wanted.current;
    wanted.current = null;
    onSelect(item.id);
  }, [itemAt, onSelect]);

  // A selection made elsewhere (a new message, Undo) is brought into view.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when the selection changes, not on every list update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  // Focus follows the keyboard once the target row is rendered.
  useLayoutEffect(() => {
    const index = focusRequest.current;
    if (index === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      focusRequest.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const onRowClick = useCallback(
    (index: number) => {
      const item = itemAt(index);
      if (item) onSelect(item.id);
    },
    [itemAt, onSelect],
  );

  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLLIElement>, index: number) => {
      // Keys pressed on the row's buttons belong to the buttons.
      if (event.target !== event.currentTarget) return;
      const item = itemAt(index);
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        if (item) onSelect(item.id);
        return;
      }
      const pageSize = Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1;
      const next = nextIndex(event.key, index, total, pageSize);
      if (next === null) return;
      event.preventDefault();
      const target = itemAt(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      // Not loaded yet (End in a long list): selected when its window comes.
      wanted.current = target ? null : next;
      if (!target) return;
      focusRequest.current = next;
      onSelect(target.id);
    },
    [itemAt, onSelect, rowHeight, total, virtualizer],
  );

  return (
    <div className={`vlist ${columnsClass}`}>
      <div className="vlist-header" aria-hidden="true">
        {header}
      </div>
      <div ref={scrollRef} className={`vlist-scroll${virtualizer.isScrolling ? ' is-scrolling' : ''}`}>
        <ul ref={listRef} className="vlist-rows" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
          {indexes.map((index) => {
            const item = itemAt(index);
            if (!item) {
              return loadingRow ? (
                <li key={`slot-${index}`} data-index={index} className="vrow is-loading" style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }} tabIndex={-1} aria-posinset={index + 1} aria-setsize={total} onKeyDown={(event) => onRowKeyDown(event, index)}>
                  {loadingRow}
                </li>
              ) : null;
            }
            return (
              <VirtualRow
                key={item.id}
                index={index}
                item={item}
                // Rows have one fixed height and the list no padding: this is the virtualizer's offset for the row.
                start={index * rowHeight}
                height={rowHeight}
                setSize={total}
                selected={index === selectedIndex}
                tabStop={index === tabStop}
                className={rowClassName ? rowClassName(item) : ''}
                renderRow={renderRow}
                onRowClick={onRowClick}
                onRowKeyDown={onRowKeyDown}
              />
            );
          })}
        </ul>
        {total === 0 && <div className="vlist-empty">{empty}</div>}
      </div>
    </div>
  );
}
