/**
 * Which window of a message list to ask the core for. The list knows only the
 * total and the rows on screen; it asks for those plus a margin either side,
 * in steps of whole pages so that small scrolls reuse what came back.
 */
import { MAIL_LIMITS } from '../../../shared/mail-model';
import type { IndexRange } from '../list/row-window-logic';

export interface RowWindow {
  offset: number;
  limit: number;
}

/** Rows asked for at once: a few screens, far below the contract's cap. */
export const WINDOW_ROWS = 150;
/** Windows start on multiples of this, so nearby views ask for the same window. */
export const WINDOW_STEP = 50;
/** Rows either side of the view that must be loaded before the view counts as covered. */
export const WINDOW_MARGIN = 10;

/** The window to ask for so the visible rows sit inside it with room either side. */
export function windowAround(visible: IndexRange, total: number | null, size = WINDOW_ROWS, step = WINDOW_STEP): RowWindow {
  const span = Math.max(0, visible.end - visible.start + 1);
  const limit = Math.min(MAIL_LIMITS.windowRows, Math.max(size, span + 2 * WINDOW_MARGIN));
  const centred = visible.start - Math.floor((limit - span) / 2);
  let offset = Math.max(0, Math.floor(centred / step) * step);
  if (total !== null && total > 0) offset = Math.min(offset, Math.max(0, Math.floor((total - 1) / step) * step));
  return { offset, limit };
}

/** Whether the loaded rows cover the view and its margin (clipped to the list). */
export function covers(loaded: { offset: number; count: number } | null, visible: IndexRange, total: number, margin = WINDOW_MARGIN): boolean {
  if (total === 0) return loaded !== null;
  if (!loaded) return false;
  const start = Math.max(0, visible.start - margin);
  const end = Math.min(total - 1, visible.end + margin);
  if (start > end) return true;
  return loaded.offset <= start && loaded.offset + loaded.count - 1 >= end;
}

/** The row at an index of the whole list, when it is in the loaded window. */
export function rowAt<T>(loaded: { offset: number; rows: readonly T[] }, index: number): T | undefined {
  return loaded.rows[index - loaded.offset];
}
