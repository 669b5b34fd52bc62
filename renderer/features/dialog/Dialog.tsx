/**
 * A modal dialog on the native <dialog> (showModal makes the rest of the
 * window inert). On top of that: Tab and Shift+Tab wrap inside it, Escape
 * closes it through onClose, the element marked data-autofocus (else the first
 * tabbable one) gets focus,
 * and focus goes back to the control that opened it, or to `fallbackFocus`
 * when that control is gone (a row that moved to another mailbox).
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { TABBABLE, trapTarget } from './focus-logic';

interface Props {
  labelledBy: string;
  describedBy?: string;
  className?: string;
  onClose(): void;
  fallbackFocus?: () => HTMLElement | null;
  children: ReactNode;
}

const tabbables = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);

export function Dialog({ labelledBy, describedBy, className, onClose, fallbackFocus, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const fallbackRef = useRef(fallbackFocus);
  fallbackRef.current = fallbackFocus;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && !dialog.contains(document.activeElement) ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? tabbables(dialog)[0])?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const target = opener?.isConnected ? opener : fallbackRef.current?.();
      target?.focus();
    };
    // Opened once per mount: the dialog is rendered only while open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const list = tabbables(ref.current);
    const target = trapTarget(list.length, list.indexOf(document.activeElement as HTMLElement), event.shiftKey);
    if (target !== null) {
      event.preventDefault();
      list[target]?.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-modal="true"
      onKeyDown={onKeyDown}
      // Escape: the browser fires cancel; the app decides (and keeps React in charge of what is open).
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      {children}
    </dialog>
  );
}
