/**
 * The message being written. After a successful submit the form is cleared,
 * because the queued message belongs to the main process (editing it means
 * cancel, edit, resubmit).
 *
 * Closing Compose keeps what was typed (in this window) and saves it as a
 * draft (features/compose/autosave.ts saves it while typing, too); Discard
 * clears it and deletes the draft.
 *
 * Recipients are chips: `chips` holds the finished entries of To, Cc and Bcc;
 * `fields.to/cc/bcc` the text still being typed, which counts as recipients
 * too (Send and drafts see both).
 *
 * The undo delay starts at the core's undoSendSeconds setting and follows it
 * when it changes, until the user types into the field: from then on their
 * value wins for the rest of this compose session (this window's life).
 */
import { create } from 'zustand';
import type { DsnRequest, Threading } from '../../shared/model';
import { addressValue, splitTyped } from '../features/compose/chips-logic';
import type { ComposeAttachment } from './attachment-logic';
import { blankMessage, noChips, type Chips, type ComposeMessage } from './draft-logic';
import { blurError, checkSendAt, emptyFields, type AddressFieldName, type ComposeFields, type FieldErrors } from './compose-logic';

export type BlurCheckedField = AddressFieldName | 'sendAt';

/** How this message came to Compose: written anew (or from a mailto: link), a saved draft, or taken out of the queue. */
export type ComposeOrigin = 'new' | 'draft' | 'queued';

export type DraftStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; message: string };

export interface ComposeState {
  open: boolean;
  origin: ComposeOrigin;
  /** Counts the messages loaded into Compose; a late answer about an earlier one is ignored. */
  session: number;
  fields: ComposeFields;
  chips: Chips;
  errors: FieldErrors;
  /** Counts the times the body was replaced from outside the editor, which then reloads it. */
  bodyVersion: number;
  /** The account chosen in From; null: the default account. */
  accountId: string | null;
  /** Delivery receipts chosen for this message; null: the account's defaults. */
  dsn: DsnRequest | null;
  /** Ask the recipients for a read receipt (off unless the user asks). */
  readReceipt: boolean;
  /** In-Reply-To and References when this message answers another; null otherwise. */
  threading: Threading | null;
  /** The saved draft this message is; Send passes it so the draft leaves Drafts in the same write. */
  draftId: string | null;
  /** The cancelled or failed outbox item this message was taken from; removed once the message lives on elsewhere. */
  sourceId: string | null;
  /** Counts changes to what a draft keeps; `savedVersion` is the count last saved. */
  contentVersion: number;
  savedVersion: number;
  draftStatus: DraftStatus;
  /** Files stored and ready to go with the message. */
  attachments: ComposeAttachment[];
  /** Files still being read or stored; Send waits for them. */
  reading: number;
  /** Bytes of the file being uploaded that the core has, and its size; null when none is. */
  upload: { sent: number; total: number } | null;
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
  /** Replaces the message with another one and opens Compose. `saved`: it is already a saved draft as it is. */
  load(message: ComposeMessage, how: { origin: ComposeOrigin; draftId?: string | null; sourceId?: string | null; saved: boolean }): void;
  /** Closes and keeps what was typed. */
  close(): void;
  /** Closes and forgets what was typed (the delay preference stays). */
  discard(): void;
  setField(name: 'subject' | 'delay' | 'sendAt', value: string): void;
  /** Text typed into To, Cc or Bcc: entries finished by a comma or semicolon become chips. */
  typeAddress(name: AddressFieldName, value: string): void;
  /** Enter or leaving the field: what is typed becomes chips. */
  commitAddress(name: AddressFieldName): void;
  addChip(name: AddressFieldName, entry: string): void;
  removeChip(name: AddressFieldName, index: number): void;
  /** Backspace in an empty field: the last chip goes back into the text, to be edited. */
  editLastChip(name: AddressFieldName): void;
  /** From the editor. `html` is empty when the body has no formatting. */
  setBody(text: string, html: string): void;
  setAccount(accountId: string | null): void;
  setDsn(dsn: DsnRequest): void;
  setReadReceipt(on: boolean): void;
  /** `incomplete`: the Send later input holds a partly typed date. */
  blurred(name: BlurCheckedField, incomplete?: boolean): void;
  /** The core's undo-send setting, loaded or changed. */
  defaultDelayChanged(seconds: number): void;
  refused(errors: FieldErrors, summary: string): void;
  submitStarted(): void;
  submitFailed(message: string): void;
  submitted(): void;
  readingStarted(count: number): void;
  uploadProgressed(sent: number, total: number): void;
  /** Files stored (or not: `errors`); `count` is how many were being read. */
  attachmentsRead(attachments: readonly ComposeAttachment[], errors: readonly string[], count: number): void;
  refusedFiles(errors: readonly string[]): void;
  removeAttachment(key: string): void;
  draftSaving(): void;
  /** A save of `version` in `session` succeeded. */
  draftSaved(session: number, version: number, draftId: string, at: number): void;
  draftSaveFailed(session: number, message: string): void;
  /** The item the message was taken from has been removed (its content lives on as the draft or the new message). */
  sourceReplaced(sourceId: string): void;
}

export const initialComposeState = {
  open: false,
  origin: 'new' as ComposeOrigin,
  session: 0,
  fields: emptyFields,
  chips: noChips,
  errors: {} as FieldErrors,
  bodyVersion: 0,
  accountId: null as string | null,
  dsn: null as DsnRequest | null,
  readReceipt: false,
  threading: null as Threading | null,
  draftId: null as string | null,
  sourceId: null as string | null,
  contentVersion: 0,
  savedVersion: 0,
  draftStatus: { kind: 'idle' } as DraftStatus,
  attachments: [] as ComposeAttachment[],
  reading: 0,
  upload: null,
  attachError: null as string | null,
  delayEdited: false,
  defaultDelay: null as number | null,
  submitError: null as string | null,
  submitting: false,
};

type State = ComposeState;

/** An address field's whole value: chips and typed text. */
export const fullAddress = (s: Pick<State, 'chips' | 'fields'>, name: AddressFieldName): string => addressValue(s.chips[name], s.fields[name]);

const blurCheck = (s: Pick<State, 'chips' | 'fields'>, name: BlurCheckedField, incomplete = false): string | null => {
  if (name === 'sendAt') {
    const check = checkSendAt(s.fields.sendAt, Date.now(), incomplete);
    return check.ok ? null : check.error;
  }
  return blurError(name, fullAddress(s, name));
};

/** A field already marked invalid is re-checked as the user fixes it, so the mark goes away at once. */
function recheck(s: Pick<State, 'chips' | 'fields' | 'errors'>, name: BlurCheckedField): FieldErrors {
  if (s.errors[name] === undefined) return s.errors;
  const errors = { ...s.errors };
  const error = blurCheck(s, name);
  if (error) errors[name] = error;
  else delete errors[name];
  return errors;
}

/** A change to what a draft keeps. */
const changed = (s: State) => ({ contentVersion: s.contentVersion + 1, submitError: null });

/** A fresh message; the undo delay is a preference, not part of the message, so it is kept. */
function replaced(s: State, message: ComposeMessage, origin: ComposeOrigin, saved: boolean): Partial<State> {
  const contentVersion = s.contentVersion + 1;
  return {
    origin,
    session: s.session + 1,
    fields: { ...emptyFields, subject: message.subject, text: message.text, html: message.html, delay: s.fields.delay },
    chips: message.chips,
    errors: {},
    bodyVersion: s.bodyVersion + 1,
    accountId: message.accountId,
    dsn: message.dsn,
    readReceipt: message.readReceipt ?? false,
    threading: message.threading ?? null,
    draftId: null,
    sourceId: null,
    contentVersion,
    savedVersion: saved ? contentVersion : s.savedVersion,
    draftStatus: { kind: 'idle' },
    attachments: message.attachments,
    attachError: null,
    submitError: null,
    submitting: false,
  };
}

const withChips = (s: State, name: AddressFieldName, entries: readonly string[], typed: string): Partial<State> => {
  const next = { chips: { ...s.chips, [name]: entries }, fields: { ...s.fields, [name]: typed } };
  return { ...next, errors: recheck({ ...next, errors: s.errors }, name), ...changed(s) };
};

export const useComposeStore = create<ComposeState>()((set) => ({
  ...initialComposeState,
  openNew: () => set({ open: true }),
  load: (message, how) =>
    set((s) => ({
      ...replaced(s, message, how.origin, how.saved),
      draftId: how.draftId ?? null,
      sourceId: how.sourceId ?? null,
      open: true,
    })),
  close: () => set({ open: false }),
  discard: () => set((s) => ({ ...replaced(s, blankMessage, 'new', true), open: false })),
  setField: (name, value) =>
    set((s) => {
      const fields = { ...s.fields, [name]: value };
      if (name === 'delay') {
        const { delay: _fixed, ...errors } = s.errors;
        return { fields, errors, delayEdited: true, submitError: null };
      }
      if (name === 'sendAt') return { fields, errors: recheck({ ...s, fields }, 'sendAt'), submitError: null };
      return { fields, ...changed(s) };
    }),
  typeAddress: (name, value) =>
    set((s) => {
      const { complete, rest } = splitTyped(value);
      // A space after a finished entry ("a@x.test, b…") is not part of the next one.
      return withChips(s, name, complete.length > 0 ? [...s.chips[name], ...complete] : s.chips[name], complete.length > 0 ? rest : value.trimStart());
    }),
  commitAddress: (name) =>
    set((s) => {
      const { complete, rest } = splitTyped(s.fields[name]);
      const entries = rest.trim() ? [...complete, rest.trim()] : complete;
      if (entries.length === 0 && s.fields[name] === '') return s;
      return withChips(s, name, [...s.chips[name], ...entries], '');
    }),
  addChip: (name, entry) => set((s) => withChips(s, name, [...s.chips[name], entry], '')),
  removeChip: (name, index) =>
    set((s) =>
      withChips(
        s,
        name,
        s.chips[name].filter((_, i) => i !== index),
        s.fields[name],
      ),
    ),
  editLastChip: (name) =>
    set((s) => {
      const last = s.chips[name][s.chips[name].length - 1];
      if (last === undefined) return s;
      return withChips(s, name, s.chips[name].slice(0, -1), last);
    }),
  setBody: (text, html) =>
    set((s) => (s.fields.text === text && s.fields.html === html ? s : { fields: { ...s.fields, text, html }, ...changed(s) })),
  setAccount: (accountId) => set((s) => ({ accountId, ...changed(s) })),
  setDsn: (dsn) => set((s) => ({ dsn, ...changed(s) })),
  setReadReceipt: (readReceipt) => set((s) => ({ readReceipt, ...changed(s) })),
  blurred: (name, incomplete = false) =>
    set((s) => {
      const error = blurCheck(s, name, incomplete);
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
  submitted: () => set((s) => ({ ...replaced(s, blankMessage, 'new', true), open: false })),
  readingStarted: (count) => set((s) => ({ reading: s.reading + count, attachError: null })),
  uploadProgressed: (sent, total) => set({ upload: { sent, total } }),
  attachmentsRead: (attachments, errors, count) =>
    set((s) => ({
      reading: Math.max(0, s.reading - count),
      upload: null,
      attachments: attachments.length > 0 ? [...s.attachments, ...attachments] : s.attachments,
      attachError: errors.length > 0 ? errors.join(' ') : null,
      ...(attachments.length > 0 ? changed(s) : {}),
    })),
  refusedFiles: (errors) => set({ attachError: errors.length > 0 ? errors.join(' ') : null }),
  removeAttachment: (key) => set((s) => ({ attachments: s.attachments.filter((a) => a.key !== key), attachError: null, ...changed(s) })),
  draftSaving: () => set({ draftStatus: { kind: 'saving' } }),
  draftSaved: (session, version, draftId, at) =>
    set((s) => (s.session !== session ? s : { draftId, savedVersion: Math.max(s.savedVersion, version), draftStatus: { kind: 'saved', at } })),
  draftSaveFailed: (session, message) => set((s) => (s.session !== session ? s : { draftStatus: { kind: 'failed', message } })),
  sourceReplaced: (sourceId) => set((s) => (s.sourceId === sourceId ? { sourceId: null } : s)),
}));
