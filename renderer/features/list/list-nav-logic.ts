/** Keyboard movement in a list of rows, and which row holds the list's single tab stop. */

/** The row a key moves to, or null when the key does not move (or the list is empty). */
export function nextIndex(key: string, current: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const from = Math.min(Math.max(current, 0), last);
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : Math.min(from + 1, last);
    case 'ArrowUp':
      return current < 0 ? 0 : Math.max(from - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(from + Math.max(pageSize, 1), last);
    case 'PageUp':
      return Math.max(from - Math.max(pageSize, 1), 0);
    default:
      return null;
  }
}

/**
 * Roving tab stop: the selected row when it is rendered, else the first
 * rendered row, so Tab always reaches the list even after scrolling far away.
 */
export function tabStopIndex(selectedIndex: number, renderedIndexes: readonly number[]): number | null {
  if (renderedIndexes.length === 0) return null;
  return renderedIndexes.includes(selectedIndex) ? selectedIndex : (renderedIndexes[0] as number);
}
