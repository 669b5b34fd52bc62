/**
 * A To/Cc/Bcc input. Checked when it loses focus; an error is tied to the input
 * with aria-describedby so a screen reader reads it with the field.
 */
import type { Ref } from 'react';
import type { AddressFieldName } from '../../store/compose-logic';
import { useComposeStore } from '../../store/compose';
import { isLeavingForSubmit } from './blur';

interface Props {
  name: AddressFieldName;
  label: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Takes focus when Compose opens. */
  autoFocus?: boolean;
}

export function AddressField({ name, label, required = false, inputRef, autoFocus = false }: Props) {
  const value = useComposeStore((s) => s.fields[name]);
  const error = useComposeStore((s) => s.errors[name]);
  const setField = useComposeStore((s) => s.setField);
  const blurred = useComposeStore((s) => s.blurred);
  const id = `compose-${name}`;
  const errorId = `${id}-error`;
  return (
    <div className="compose-row">
      <label htmlFor={id}>{label}</label>
      <div className="compose-input">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="text"
          value={value}
          required={required}
          data-autofocus={autoFocus ? '' : undefined}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setField(name, e.target.value)}
          onBlur={(e) => {
            if (!isLeavingForSubmit(e)) blurred(name);
          }}
        />
        {/* Always present, so the live region exists before text appears in it. */}
        <div id={errorId} className="field-error" aria-live="polite">
          {error ?? ''}
        </div>
      </div>
    </div>
  );
}
