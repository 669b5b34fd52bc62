/**
 * A row action. When it cannot be used it stays focusable (aria-disabled, not
 * disabled) so keyboard and screen-reader users reach it and hear why: the
 * reason is its accessible description.
 */
import type { MouseEvent } from 'react';

interface Props {
  label: string;
  /** Why the action is not available; null when it is. */
  blockedReason: string | null;
  busy: boolean;
  /** Ids of elements describing the action's target (the row's subject). */
  describedBy: string;
  reasonId: string;
  onRun(): Promise<unknown>;
}

/**
 * Keeps the keyboard user in the list when the action made its own row leave
 * (a cancelled message moves to Drafts): focus goes to the list's tab stop, or
 * to the view's heading when the list is now empty. Checked after the next
 * frame, once React has removed the row.
 */
function keepFocusInList(button: HTMLButtonElement, list: HTMLElement | null): void {
  requestAnimationFrame(() => {
    if (button.isConnected || !list?.isConnected) return;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    const stop = list.querySelector<HTMLElement>('li[tabindex="0"]');
    (stop ?? list.closest<HTMLElement>('[data-view-root]')?.querySelector<HTMLElement>('h2'))?.focus();
  });
}

export function RowButton({ label, blockedReason, busy, describedBy, reasonId, onRun }: Props) {
  const blocked = blockedReason !== null;
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    // The row's own click selects it; an action does not.
    event.stopPropagation();
    if (blocked || busy) return;
    const button = event.currentTarget;
    const list = button.closest('ul');
    void onRun().then(() => keepFocusInList(button, list));
  };
  return (
    <>
      <button
        type="button"
        className="row-action"
        aria-disabled={blocked || busy ? 'true' : undefined}
        aria-describedby={blocked ? `${reasonId} ${describedBy}` : describedBy}
        title={blockedReason ?? undefined}
        onClick={onClick}
      >
        {label}
      </button>
      {blocked && (
        <span id={reasonId} className="visually-hidden">
          {blockedReason}
        </span>
      )}
    </>
  );
}
