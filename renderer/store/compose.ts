/**
 * The message being written. It exists only until the core accepts it: after
 * a successful submit the form is cleared, because the queued message belongs
 * to the main process (editing it would mean cancel, edit, resubmit).
 */
import { create } from 'zustand';
import { blurError, emptyFields, type AddressFieldName, type ComposeFields, type FieldErrors } from './compose-logic';

export interface ComposeState {
  fields: ComposeFields;
  errors: FieldErrors;
  /** Why the last Send did not queue the message (local check or core refusal). */
  submitError: string | null;
  /** A quiet confirmation after a successful Send. */
  notice: string | null;
  submitting: boolean;
  setField<K extends keyof ComposeFields>(name: K, value: ComposeFields[K]): void;
  blurred(name: AddressFieldName): void;
  refused(errors: FieldErrors, summary: string): void;
  submitStarted(): void;
  submitFailed(message: string): void;
  submitted(notice: string): void;
}

export const initialComposeState = {
  fields: emptyFields,
  errors: {} as FieldErrors,
  submitError: null as string | null,
  notice: null as string | null,
  submitting: false,
};

export const useComposeStore = create<ComposeState>()((set) => ({
  ...initialComposeState,
  setField: (name, value) =>
    set((s) => {
      const fields = { ...s.fields, [name]: value };
      const errors = { ...s.errors };
      // A field already marked invalid is re-checked as the user fixes it, so the mark goes away at once.
      const field: keyof ComposeFields = name;
      if ((field === 'to' || field === 'cc') && errors[field] !== undefined) {
        const error = blurError(field, value);
        if (error) errors[field] = error;
        else delete errors[field];
      } else if (field === 'delay') {
        delete errors.delay;
      }
      return { fields, errors, submitError: null, notice: null };
    }),
  blurred: (name) =>
    set((s) => {
      const error = blurError(name, s.fields[name]);
      const errors = { ...s.errors };
      if (error) errors[name] = error;
      else delete errors[name];
      return { errors };
    }),
  refused: (errors, submitError) => set({ errors, submitError, notice: null }),
  submitStarted: () => set({ submitting: true, submitError: null, notice: null }),
  submitFailed: (submitError) => set({ submitting: false, submitError }),
  // The undo delay is a preference, not part of the message, so it survives the reset.
  submitted: (notice) => set((s) => ({ ...initialComposeState, fields: { ...emptyFields, delay: s.fields.delay }, notice })),
}));
