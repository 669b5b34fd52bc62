/**
 * Which rows of a virtual list are mounted. Two windows: the rows needed for
 * the frame being drawn (the view and a row either side), rendered at once;
 * and the rows prepared in the background (a margin around the view, or the
 * next screenful while scrolling), rendered by React in a later task. A
 * scroll of up to a screen per frame then finds its rows mounted already, so
 * the frame's own task mounts, lays out and unmounts nothing. Indexes are
 * inclusive.
 */

export interface IndexRange {
  start: number;
  end: number;
}

export type ScrollDirection = 'forward' | 'backward' | null;

/**
 * The rows to have ready around the view: `around` either side while the list
 * is still (for the arrow keys); while it scrolls, the next screenful and a row
 * on the side it scrolls towards, and behind only the row the frame renders
 * too (`behind`), as every row mounted costs work in each frame.
 */
export function preparedRange(visible: IndexRange, direction: ScrollDirection, count: number, around: number, behind: number): IndexRange | null {
  if (count === 0) return null;
  const ahead = Math.max(around, visible.end - visible.start + 2);
  const before = direction === null ? around : direction === 'backward' ? ahead : behind;
  const after = direction === null ? around : direction === 'forward' ? ahead : behind;
  return { start: Math.max(0, visible.start - before), end: Math.min(count - 1, visible.end + after) };
}

/** Every index of both windows, ascending and once each (the DOM keeps the list's order); a window may be stale, so both are clipped to the count. */
export function mountedIndexes(now: IndexRange | null, prepared: IndexRange | null, count: number): number[] {
  const ranges = [now, prepared]
    .filter((r): r is IndexRange => r !== null)
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(count - 1, r.end) }))
    .filter((r) => r.start <= r.end)
    .sort((a, b) => a.start - b.start);
  const out: number[] = [];
  for (const r of ranges) {
    for (let i = Math.max(r.start, (out[out.length - 1] ?? -1) + 1); i <= r.end; i++) out.push(i);
  }
  return out;
}
