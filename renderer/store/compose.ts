/**
 * The message being written. It exists only until the core accepts it: after
 * a successful submit the form is cleared, because the queued message belongs
 * to the main process (editing it would mean cancel, edit, resubmit).
 *
 * The undo delay starts at the core's undoSendSeconds setting and follows it
 * when it changes, until the user types into the field: from then on their
 * value wins for the rest of this compose session (this window's life).
 */
import { create } from 'zustand';
import {
  blurError,
  checkSendAt,
  emptyFields,
  type AddressFieldName,
  type ComposeFields,
  type FieldErrors,
} from './compose-logic';

export type BlurCheckedField = AddressFieldName | 'sendAt';

export interface ComposeState {
  fields: ComposeFields;
  errors: FieldErrors;
  /** The user has typed into the delay field; settings changes no longer overwrite it. */
  delayEdited: boolean;
  /** The core's undoSendSeconds as last heard, for the hint; null until known. */
  defaultDelay: number | null;
  /** Why the last Send did not queue the message (local check or core refusal). */
  submitError: string | null;
  /** A quiet confirmation after a successful Send. */
  notice: string | null;
  submitting: boolean;
  setField<K extends keyof ComposeFields>(name: K, value: ComposeFields[K]): void;
  /** `incomplete`: the Send later input holds a partly typed date. */
  blurred(name: BlurCheckedField, incomplete?: boolean): void;
  /** The core's undo-send setting, loaded or changed. */
  defaultDelayChanged(seconds: number): void;
  refused(errors: FieldErrors, summary: string): void;
  submitStarted(): void;
  submitFailed(message: string): void;
  submitted(notice: string): void;
}

export const initialComposeState = {
  fields: emptyFields,
  errors: {} as FieldErrors,
  delayEdited: false,
  defaultDelay: null as number | null,
  submitError: null as string | null,
  notice: null as string | null,
  submitting: false,
};

const blurCheck = (name: BlurCheckedField, value: string, incomplete = false): string | null => {
  if (name === 'sendAt') {
    const check = checkSendAt(value, Date.now(), incomplete);
    return check.ok ? null : check.error;
  }
  return blurError(name, value);
};

export const useComposeStore = create<ComposeState>()((set) => ({
  ...initialComposeState,
  setField: (name, value) =>
    set((s) => {
      const fields = { ...s.fields, [name]: value };
      const errors = { ...s.errors };
      let delayEdited = s.delayEdited;
      // A field already marked invalid is re-checked as the user fixes it, so the mark goes away at once.
      const field: keyof ComposeFields = name;
      if ((field === 'to' || field === 'cc' || field === 'sendAt') && errors[field] !== undefined) {
        const error = blurCheck(field, value);
        if (error) errors[field] = error;
        else delete errors[field];
      } else if (field === 'delay') {
        delete errors.delay;
        delayEdited = true;
      }
      return { fields, errors, delayEdited, submitError: null, notice: null };
    }),
  blurred: (name, incomplete = false) =>
    set((s) => {
      const error = blurCheck(name, s.fields[name], incomplete);
      const errors = { ...s.errors };
      if (error) errors[name] = error;
      else delete errors[name];
      return { errors };
    }),
  defaultDelayChanged: (seconds) =>
    set((s) => {
      if (s.delayEdited) return { defaultDelay: seconds };
      const { delay: _cleared, ...errors } = s.errors;
      return { defaultDelay: seconds, fields: { ...s.fields, delay: String(seconds) }, errors };
    }),
  refused: (errors, submitError) => set({ errors, submitError, notice: null }),
  submitStarted: () => set({ submitting: true, submitError: null, notice: null }),
  submitFailed: (submitError) => set({ submitting: false, submitError }),
  // The undo delay is a preference, not part of the message, so it survives the reset; Send later is per message.
  submitted: (notice) =>
    set((s) => ({
      ...initialComposeState,
      fields: { ...emptyFields, delay: s.fields.delay },
      delayEdited: s.delayEdited,
      defaultDelay: s.defaultDelay,
      notice,
    })),
}));
