/**
 * A message in Compose as a whole — recipients, subject, body, attachments,
 * account and receipts — and the conversions to and from what the core keeps:
 * an outbox item taken back (Edit, Undo), a saved draft, a mailto: link, and
 * the drafts.save request.
 */
import type { ComposeRequest, Draft, DraftSave, DsnRequest, OutboxItem, Threading } from '../../shared/model';
import { addressValue, entriesOf } from '../features/compose/chips-logic';
import { editorHtmlFrom } from '../features/compose/rich-text-logic';
import { attachmentKey, attachmentRef, type ComposeAttachment } from './attachment-logic';
import { chipsFromRecipients, type AddressFieldName } from './compose-logic';

export type Chips = Readonly<Record<AddressFieldName, readonly string[]>>;

export interface ComposeMessage {
  chips: Chips;
  subject: string;
  text: string;
  /** The editor's HTML when the body has formatting, else empty. */
  html: string;
  attachments: ComposeAttachment[];
  /** Null: the default account. */
  accountId: string | null;
  /** Null: the account's default receipts. */
  dsn: DsnRequest | null;
  /** Ask for a read receipt (absent: no). */
  readReceipt?: boolean;
  /** A reply's In-Reply-To and References (absent: not a reply). */
  threading?: Threading | null;
}

export const noChips: Chips = { to: [], cc: [], bcc: [] };

export const blankMessage: ComposeMessage = { chips: noChips, subject: '', text: '', html: '', attachments: [], accountId: null, dsn: null, readReceipt: false };

const withKeys = (attachments: readonly { name: string; type: string; size: number; sha256: string }[]): ComposeAttachment[] =>
  attachments.map(({ name, type, size, sha256 }) => ({ key: attachmentKey(), name, type, size, sha256 }));

/** A message taken out of the queue: everything as it was submitted, attachments included. */
export function messageFromItem(item: OutboxItem): ComposeMessage {
  return {
    chips: chipsFromRecipients(item.recipients),
    subject: item.subject,
    text: item.text,
    html: item.html ? editorHtmlFrom(item.html) : '',
    attachments: withKeys(item.attachments),
    accountId: item.accountId,
    dsn: item.dsn,
    readReceipt: item.readReceipt,
    threading: item.threading,
  };
}

const chipsFrom = (fields: { to: string; cc: string; bcc: string }): Chips => ({ to: entriesOf(fields.to), cc: entriesOf(fields.cc), bcc: entriesOf(fields.bcc) });

export function messageFromDraft(draft: Draft): ComposeMessage {
  return {
    chips: chipsFrom(draft),
    subject: draft.subject,
    text: draft.text,
    html: draft.html ?? '',
    attachments: withKeys(draft.attachments),
    accountId: draft.accountId ?? null,
    dsn: draft.dsn ?? null,
    readReceipt: draft.readReceipt ?? false,
    threading: draft.threading ?? null,
  };
}

export function messageFromRequest(request: ComposeRequest): ComposeMessage {
  return { ...blankMessage, chips: chipsFrom(request), subject: request.subject, text: request.text };
}

export interface ComposeDraftState {
  chips: Chips;
  /** Text typed into To, Cc and Bcc and not yet a chip: it is part of the draft too. */
  typed: { to: string; cc: string; bcc: string };
  subject: string;
  text: string;
  html: string;
  attachments: readonly ComposeAttachment[];
  accountId: string | null;
  dsn: DsnRequest | null;
  readReceipt?: boolean;
  threading?: Threading | null;
  draftId: string | null;
}

/** Nothing worth keeping: no recipient, subject, text or file. */
export function isBlank(state: Omit<ComposeDraftState, 'draftId' | 'accountId' | 'dsn' | 'html'>): boolean {
  const noAddress = (['to', 'cc', 'bcc'] as const).every((f) => state.chips[f].length === 0 && state.typed[f].trim() === '');
  return noAddress && state.subject.trim() === '' && state.text.trim() === '' && state.attachments.length === 0;
}

export function draftSaveRequest(state: ComposeDraftState): DraftSave {
  const request: DraftSave = {
    to: addressValue(state.chips.to, state.typed.to),
    cc: addressValue(state.chips.cc, state.typed.cc),
    bcc: addressValue(state.chips.bcc, state.typed.bcc),
    subject: state.subject,
    text: state.text,
    attachments: state.attachments.map(attachmentRef),
  };
  if (state.draftId) request.id = state.draftId;
  if (state.accountId) request.accountId = state.accountId;
  if (state.html) request.html = state.html;
  if (state.dsn) request.dsn = state.dsn;
  if (state.readReceipt) request.readReceipt = true;
  if (state.threading) request.threading = state.threading;
  return request;
}
