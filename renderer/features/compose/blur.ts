import type { FocusEvent } from 'react';

/**
 * True when focus is leaving a field for the form's submit button. The field
 * is not checked on that blur: Send checks every field anyway, and an error
 * line appearing on mousedown would push the button away from under the
 * pointer, so the click that follows would miss it.
 */
export function isLeavingForSubmit(event: FocusEvent<HTMLElement>): boolean {
  const next = event.relatedTarget;
  return next instanceof HTMLButtonElement && next.type === 'submit' && next.form === event.currentTarget.closest('form');
}
