/**
 * The undo delay in seconds: in Compose for the message being written, in
 * Settings as the default new messages start with. The same range and input;
 * each gives its own words.
 */
import type { ReactNode, Ref } from 'react';
import { LIMITS } from '../../../shared/model';
import { fieldAria } from '../form/field-aria';
import { Field } from '../form/Field';

interface Props {
  id: string;
  name: string;
  label: string;
  hint: ReactNode;
  value: string;
  inputRef: Ref<HTMLInputElement>;
  onChange(value: string): void;
  /**
   * Why the value is refused: as text shown under the field (Compose), or as
   * the id of the message where the form says it (Settings).
   */
  error: { text: string | undefined } | { shownAt: string | null };
}

export function DelayField({ id, name, label, hint, value, inputRef, onChange, error }: Props) {
  const ownError = 'text' in error;
  const errorId = ownError ? (error.text ? `${id}-error` : null) : error.shownAt;
  return (
    <Field id={id} label={label} hint={hint} error={ownError ? error.text : false}>
      <input
        ref={inputRef}
        id={id}
        name={name}
        className="input-narrow"
        type="number"
        inputMode="numeric"
        min={0}
        max={LIMITS.delaySeconds}
        step={1}
        value={value}
        {...fieldAria(id, { errorId })}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
