/** A labelled form field: the control, its hint (`<id>-hint`) and the live region saying why its value is refused (`<id>-error`). */
import type { ReactNode } from 'react';

interface Props {
  /** The control's id. */
  id: string;
  label: string;
  hint?: ReactNode;
  /** `false` where the form says what is wrong in one place of its own, so the field has no region. */
  error?: string | false;
  children: ReactNode;
}

export function Field({ id, label, hint, error, children }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {/* Present while empty too, so screen readers are listening when an error appears. */}
      {error !== false && (
        <div id={`${id}-error`} className="field-error" aria-live="polite">
          {error ?? ''}
        </div>
      )}
    </div>
  );
}
