/**
 * The indexes a VirtualList mounts (row-window-logic.ts). The frame being
 * drawn renders only what it shows; the rows ahead are rendered through
 * useDeferredValue, in a task of their own after the frame, and laid out in
 * the task after that. While scrolling, the frame's task then only paints
 * rows that are ready: mounting, layout and unmounting, most of a frame's
 * work, happen between frames, in short tasks a loaded machine can fit in.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { mountedIndexes, preparedRange, type IndexRange } from './row-window-logic';

/** Rows kept ready either side of the view: the arrow keys and a slow scroll find them mounted. */
const AROUND = 4;
/** The virtualizer's overscan: the rows either side of the view that the frame itself renders. */
export const FRAME_OVERSCAN = 1;

/**
 * Lays the list out in a task of its own, soon after the render that mounted
 * rows, rather than in the next frame. Reading a layout property is what makes
 * the browser do it; if a frame comes first, it has done the work and the read
 * costs nothing.
 */
function useLayoutSoon(listRef: RefObject<HTMLElement | null>): () => void {
  const channel = useRef<MessageChannel | null>(null);
  useEffect(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => void listRef.current?.offsetHeight;
    channel.current = c;
    return () => {
      c.port1.close();
      channel.current = null;
    };
  }, [listRef]);
  return useCallback(() => channel.current?.port2.postMessage(null), []);
}

export function useRowWindow(virtualizer: Virtualizer<HTMLDivElement, Element>, count: number, listRef: RefObject<HTMLElement | null>): number[] {
  // The virtualizer's own overscan: the view and a row either side, needed for this frame.
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const now: IndexRange | null = first && last ? { start: first.index, end: last.index } : null;

  const visible = virtualizer.range;
  const target = visible ? preparedRange({ start: visible.startIndex, end: visible.endIndex }, virtualizer.scrollDirection, count, AROUND, FRAME_OVERSCAN) : null;
  // Numbers, not a range object: a new object each render would start a background render each time. The first render mounts only what it shows.
  const preparedStart = useDeferredValue(target?.start ?? -1, now?.start ?? -1);
  const preparedEnd = useDeferredValue(target?.end ?? -1, now?.end ?? -1);

  const layoutSoon = useLayoutSoon(listRef);
  // Once a background render has committed its rows.
  useLayoutEffect(layoutSoon, [layoutSoon, preparedStart, preparedEnd]);

  const nowStart = now?.start ?? -1;
  const nowEnd = now?.end ?? -1;
  return useMemo(
    () => mountedIndexes(nowStart < 0 ? null : { start: nowStart, end: nowEnd }, preparedStart < 0 ? null : { start: preparedStart, end: preparedEnd }, count),
    [nowStart, nowEnd, preparedStart, preparedEnd, count],
  );
}
