/**
 * A list that renders only the rows in view (TanStack Virtual), so 10,000
 * messages scroll as smoothly as ten. It stays a list to assistive technology
 * (role list, listitems with their position in the whole set); one row is in
 * the Tab order, the arrow keys, Home, End and the page keys move the
 * selection, and the selected row is scrolled into view.
 *
 * Row positions are set through React's style prop (CSSOM), which the
 * Content-Security-Policy allows; there is no inline style attribute.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { nextIndex, tabStopIndex } from './list-nav-logic';

interface Props<T extends { id: string }> {
  label: string;
  items: readonly T[];
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

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // A few rows beyond the view: enough for the arrow keys, few enough that a fast scroll mounts little per frame.
    overscan: 4,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const selectedIndex = useMemo(() => (selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId)), [items, selectedId]);
  const tabStop = tabStopIndex(
    selectedIndex,
    rows.map((row) => row.index),
  );

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

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    // Keys pressed on the row's buttons belong to the buttons.
    if (event.target !== event.currentTarget) return;
    const item = items[index];
    if (!item) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(item.id);
      return;
    }
    const pageSize = Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1;
    const next = nextIndex(event.key, index, items.length, pageSize);
    const target = next === null ? undefined : items[next];
    if (next === null || !target) return;
    event.preventDefault();
    focusRequest.current = next;
    onSelect(target.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div className={`vlist ${columnsClass}`}>
      <div className="vlist-header" aria-hidden="true">
        {header}
      </div>
      <div ref={scrollRef} className="vlist-scroll">
        <ul ref={listRef} className="vlist-rows" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const item = items[row.index];
            if (!item) return null;
            const selected = row.index === selectedIndex;
            return (
              <li
                key={row.key}
                data-index={row.index}
                className={`vrow${selected ? ' is-selected' : ''}${rowClassName ? ` ${rowClassName(item)}` : ''}`}
                style={{ transform: `translateY(${row.start}px)`, height: rowHeight }}
                tabIndex={row.index === tabStop ? 0 : -1}
                aria-current={selected ? 'true' : undefined}
                aria-posinset={row.index + 1}
                aria-setsize={items.length}
                onClick={() => onSelect(item.id)}
                onKeyDown={(event) => onKeyDown(event, row.index)}
              >
                {renderRow(item)}
              </li>
            );
          })}
        </ul>
        {items.length === 0 && <div className="vlist-empty">{empty}</div>}
      </div>
    </div>
  );
}
