/**
 * The message being written. It exists only until the core accepts it: after
 * a successful submit the form is cleared, because the queued message belongs
 * to the main process (editing it means cancel, edit, resubmit).
 *
 * Closing Compose keeps what was typed (in this window), so Escape never loses
 * work; Discard clears it.
 *
 * The undo delay starts at the core's undoSendSeconds setting and follows it
 * when it changes, until the user types into the field: from then on their
 * value wins for the rest of this compose session (this window's life).
 */
import { create } from 'zustand';
import type { DsnRequest, OutboxItem } from '../../shared/model';
import type { ComposeAttachment } from './attachment-logic';
import {
  blurError,
  checkSendAt,
  emptyFields,
  fieldsFromItem,
  type AddressFieldName,
  type ComposeFields,
  type FieldErrors,
} from './compose-logic';

export type BlurCheckedField = AddressFieldName | 'sendAt';

/** The item Compose was filled from (Edit, Undo): sending replaces it. */
export interface ComposeSource {
  id: string;
  /** Stored attachments cannot be handed back to the core; the user is told. */
  attachmentCount: number;
  /** The delivery receipts the original asked for, sent again unchanged. */
  dsn: DsnRequest;
}

export interface ComposeState {
  open: boolean;
  fields: ComposeFields;
  errors: FieldErrors;
  source: ComposeSource | null;
  /** Files read and ready to go with the message. */
  attachments: ComposeAttachment[];
  /** Files still being read; Send waits for them. */
  reading: number;
  /** Why some files were not attached; cleared by the next change to the attachments. */
  attachError: string | null;
  /** The user has typed into the delay field; settings changes no longer overwrite it. */
  delayEdited: boolean;
  /** The core's undoSendSeconds as last heard, for the hint; null until known. */
  defaultDelay: number | null;
  /** Why the last Send did not queue the message (local check or core refusal). */
  submitError: string | null;
  submitting: boolean;
  openNew(): void;
  /** Opens Compose filled from an item (a draft or a message taken out of the queue). */
  openFrom(item: OutboxItem): void;
  /** Closes and keeps what was typed. */
  close(): void;
  /** Closes and forgets what was typed (the delay preference stays). */
  discard(): void;
  setField<K extends keyof ComposeFields>(name: K, value: ComposeFields[K]): void;
  /** `incomplete`: the Send later input holds a partly typed date. */
  blurred(name: BlurCheckedField, incomplete?: boolean): void;
  /** The core's undo-send setting, loaded or changed. */
  defaultDelayChanged(seconds: number): void;
  refused(errors: FieldErrors, summary: string): void;
  submitStarted(): void;
  submitFailed(message: string): void;
  submitted(): void;
  readingStarted(count: number): void;
  /** Files read (or not: `errors`); `count` is how many were being read. */
  attachmentsRead(attachments: readonly ComposeAttachment[], errors: readonly string[], count: number): void;
  refusedFiles(errors: readonly string[]): void;
  removeAttachment(key: string): void;
}

export const initialComposeState = {
  open: false,
  fields: emptyFields,
  errors: {} as FieldErrors,
  source: null as ComposeSource | null,
  attachments: [] as ComposeAttachment[],
  reading: 0,
  attachError: null as string | null,
  delayEdited: false,
  defaultDelay: null as number | null,
  submitError: null as string | null,
  submitting: false,
};

const blurCheck = (name: BlurCheckedField, value: string, incomplete = false): string | null => {
  if (name === 'sendAt') {
    const check = checkSendAt(value, Date.now(), incomplete);
    return check.ok ? null : check.error;
  }
  return blurError(name, value);
};

const isBlurChecked = (name: keyof ComposeFields): name is BlurCheckedField =>
  name === 'to' || name === 'cc' || name === 'bcc' || name === 'sendAt';

/** A fresh message; the undo delay is a preference, not part of the message, so it is kept. */
const cleared = (s: ComposeState) => ({
  fields: { ...emptyFields, delay: s.fields.delay },
  errors: {},
  source: null,
  attachments: [],
  attachError: null,
  submitError: null,
  submitting: false,
});

export const useComposeStore = create<ComposeState>()((set) => ({
  ...initialComposeState,
  openNew: () => set({ open: true }),
  openFrom: (item) =>
    set((s) => ({
      open: true,
      fields: fieldsFromItem(item, s.fields),
      errors: {},
      attachments: [],
      attachError: null,
      submitError: null,
      source: { id: item.id, attachmentCount: item.attachments.length, dsn: item.dsn },
    })),
  close: () => set({ open: false }),
  discard: () => set((s) => ({ ...cleared(s), open: false })),
  setField: (name, value) =>
    set((s) => {
      const fields = { ...s.fields, [name]: value };
      const errors = { ...s.errors };
      let delayEdited = s.delayEdited;
      // A field already marked invalid is re-checked as the user fixes it, so the mark goes away at once.
      if (isBlurChecked(name) && errors[name] !== undefined) {
        const error = blurCheck(name, value);
        if (error) errors[name] = error;
        else delete errors[name];
      } else if (name === 'delay') {
        delete errors.delay;
        delayEdited = true;
      }
      return { fields, errors, delayEdited, submitError: null };
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
  refused: (errors, submitError) => set({ errors, submitError }),
  submitStarted: () => set({ submitting: true, submitError: null }),
  submitFailed: (submitError) => set({ submitting: false, submitError }),
  // Send later belongs to the message sent; the delay is kept for the next one.
  submitted: () => set((s) => ({ ...cleared(s), open: false })),
  readingStarted: (count) => set((s) => ({ reading: s.reading + count, attachError: null })),
  attachmentsRead: (attachments, errors, count) =>
    set((s) => ({
      reading: Math.max(0, s.reading - count),
      attachments: [...s.attachments, ...attachments],
      attachError: errors.length > 0 ? errors.join(' ') : null,
      submitError: null,
    })),
  refusedFiles: (errors) => set({ attachError: errors.length > 0 ? errors.join(' ') : null }),
  removeAttachment: (key) => set((s) => ({ attachments: s.attachments.filter((a) => a.key !== key), attachError: null })),
}));
