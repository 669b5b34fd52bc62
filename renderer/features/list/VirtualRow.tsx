/**
 * One row of a VirtualList: the listitem with its place in the whole set.
 * Memoized on plain values, so while scrolling only the rows coming into view
 * render; the ones still in view are skipped. The handlers are stable and get
 * the row's index, so they do not break the memo.
 */
import { memo, type KeyboardEvent, type ReactNode } from 'react';

interface Props<T> {
  index: number;
  item: T;
  /** Offset from the top of the list, in pixels. */
  start: number;
  height: number;
  setSize: number;
  selected: boolean;
  tabStop: boolean;
  className: string;
  renderRow(item: T): ReactNode;
  onRowClick(index: number): void;
  onRowKeyDown(event: KeyboardEvent<HTMLLIElement>, index: number): void;
}

function VirtualRowImpl<T>({ index, item, start, height, setSize, selected, tabStop, className, renderRow, onRowClick, onRowKeyDown }: Props<T>) {
  return (
    <li
      data-index={index}
      className={`vrow${selected ? ' is-selected' : ''}${className ? ` ${className}` : ''}`}
      style={{ transform: `translateY(${start}px)`, height }}
      tabIndex={tabStop ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      onClick={() => onRowClick(index)}
      onKeyDown={(event) => onRowKeyDown(event, index)}
    >
      {renderRow(item)}
    </li>
  );
}

// memo() loses the type parameter; the cast gives it back.
export const VirtualRow = memo(VirtualRowImpl) as typeof VirtualRowImpl;
