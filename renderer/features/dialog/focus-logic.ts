/** Pure focus rules for modal dialogs. */

/**
 * Where Tab goes from the element at `current` among `count` tabbable
 * elements: wrapping from the last to the first (Shift+Tab: first to last),
 * or null to let the browser move focus normally. Focus outside the list
 * (-1) is brought back in.
 */
export function trapTarget(count: number, current: number, shift: boolean): number | null {
  if (count === 0) return null;
  if (current < 0) return shift ? count - 1 : 0;
  if (shift && current === 0) return count - 1;
  if (!shift && current === count - 1) return 0;
  return null;
}

/** What Tab stops at; elements taken out of the Tab order (tabindex="-1": chips, roving toolbar buttons) are not. */
export const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]',
  '[contenteditable="true"]',
]
  .map((selector) => `${selector}:not([tabindex="-1"])`)
  .join(',');
