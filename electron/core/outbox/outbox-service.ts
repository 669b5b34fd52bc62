/**
 * SubmitMessage and AbortSubmit. Submit answers only after the item is in the
 * durable store; abort works until the final CRLF.CRLF and says TOO_LATE after.
 */
import { parseAddressList } from '../../../shared/address';
import { failure } from '../../../shared/i18n/reason';
import { cancelState, LIMITS, type AttachmentInput, type AttachmentRef, type DispositionNotice, type DraftInput, type OutboxItem, type OutboxList, type OutboxListRequest, type Recipient, type StoredAttachment } from '../../../shared/model';
import type { AccountsService } from '../accounts/accounts-service';
import type { AttachmentStore } from '../attachments/attachment-store';
import { isStorageError } from '../db/storage-error';
import type { SettingsService } from '../settings/settings-service';
import type { EventBus } from '../events';
import { initialSentCopy } from '../sent-copy/sent-copy-state';
import { newEnvid, newId, newMessageId } from './ids';
import type { OutboxRepository } from './repository';

/** What the outbox needs from the spooler. */
export interface SpoolerControl {
  kick(): void;
  /** Synchronous on purpose: it runs inside the cancel transaction. */
  cancelInFlight(id: string): 'cancelled' | 'too-late' | 'idle';
}

export interface OutboxDeps {
  repo: OutboxRepository;
  accounts: AccountsService;
  settings: SettingsService;
  attachments: AttachmentStore;
  events: EventBus;
  spooler: SpoolerControl;
  /** Told when a submit removed its draft. */
  onDraftsChanged?: () => void;
  /** Resolves when start-up recovery is over; submits wait for it (EnumerateAndSubmitMessages runs first). */
  ready: Promise<void>;
  now?: () => number;
}

const FIELDS = ['to', 'cc', 'bcc'] as const;

function parseRecipients(input: DraftInput): Recipient[] {
  const invalid: { field: string; input: string; reason: string }[] = [];
  const recipients: Recipient[] = [];
  const seen = new Set<string>();
  for (const field of FIELDS) {
    const parsed = parseAddressList(input[field] ?? '');
    if (!parsed.ok) {
      invalid.push(...parsed.invalid.map((i) => ({ field, ...i })));
      continue;
    }
    for (const mailbox of parsed.mailboxes) {
      // One RCPT per address even when it appears in To and Cc.
      const key = mailbox.address.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push({ ...mailbox, field, state: 'pending' });
    }
  }
  if (invalid.length) {
    const first = invalid[0] as (typeof invalid)[number];
    throw failure('INVALID_ADDRESS_LIST', invalid.length > 1 ? 'reason.invalidAddresses' : 'reason.invalidAddress', { input: first.input, field: first.field, why: first.reason, more: invalid.length - 1 }, { invalid });
  }
  if (!recipients.length) throw failure('INVALID_ADDRESS_LIST', 'reason.noRecipient', undefined, { invalid: [] });
  return recipients;
}

/** Writes the file before anything refers to it, so an item or draft never points at nothing. */
export function storeAttachment(store: AttachmentStore, input: AttachmentInput): StoredAttachment {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > LIMITS.attachmentBytes) {
    throw failure('INVALID_ARG', 'reason.attachmentTooLarge', { name: input.name, limit: LIMITS.attachmentBytes / 1024 / 1024 });
  }
  let sha256: string;
  try {
    sha256 = store.put(bytes);
  } catch (error) {
    // A full disk is the user's to fix, and says so; anything else stays an internal error.
    if (isStorageError(error)) throw failure('STORAGE_FAILED', 'reason.attachmentNotSaved', { name: input.name, detail: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  return { name: input.name, type: input.type.toLowerCase(), size: bytes.length, sha256 };
}

/** A reference counts only if its file is in the store; its size is the file's, not what the renderer says. */
export function resolveAttachment(store: AttachmentStore, input: AttachmentInput | AttachmentRef): StoredAttachment {
  if ('contentBase64' in input) return storeAttachment(store, input);
  const size = store.sizeOf(input.sha256);
  if (size === null) throw failure('INVALID_ARG', 'reason.attachmentGone', { name: input.name });
  return { name: input.name, type: input.type.toLowerCase(), size, sha256: input.sha256 };
}

export class OutboxService {
  private readonly now: () => number;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
  }

  async submit(input: DraftInput): Promise<OutboxItem> {
    await this.deps.ready;
    const recipients = parseRecipients(input);
    const account = await this.deps.accounts.resolve(input.accountId);
    const now = this.now();
    if (input.sendAt !== undefined && (input.sendAt < now - 60_000 || input.sendAt > now + LIMITS.sendAtMaxAheadMs)) {
      throw failure('INVALID_ARG', input.sendAt < now ? 'reason.sendLaterPast' : 'reason.sendLaterTooFar');
    }
    // Undo-send and send-later are one stored time, so both survive a restart.
    const delaySeconds = input.delaySeconds ?? (await this.deps.settings.get()).undoSendSeconds;
    const notBefore = input.sendAt ?? now + delaySeconds * 1000;
    const attachments = (input.attachments ?? []).map((a) => resolveAttachment(this.deps.attachments, a));
    const item: OutboxItem = {
      id: newId(),
      accountId: account.id,
      state: 'queued',
      messageId: newMessageId(account.from.address),
      envid: newEnvid(),
      from: account.from,
      recipients,
      subject: input.subject,
      text: input.text,
      html: input.html ?? null,
      attachments,
      dsn: input.dsn ?? account.dsn,
      createdAt: now,
      updatedAt: now,
      notBefore,
      attempts: 0,
      handedOffAt: null,
      sentAt: null,
      lastReply: null,
      error: null,
      warnings: [],
      threading: input.threading ?? null,
      readReceipt: input.readReceipt ?? false,
      sentCopy: initialSentCopy(account),
      disposition: null,
    };
    await this.deps.repo.add(item, input.draftId);
    if (input.draftId) this.deps.onDraftsChanged?.();
    this.deps.events.emit('outbox:changed', item);
    this.deps.spooler.kick();
    return item;
  }

  /**
   * A read receipt (RFC 8098) to the address its request named: queued at once (no undo delay: the
   * user's click was the decision), asking only to hear of failure, never of success (a report on a
   * report helps no one).
   */
  async submitReceipt(receipt: { accountId: string; to: string; subject: string; text: string; notice: DispositionNotice }): Promise<OutboxItem> {
    await this.deps.ready;
    const parsed = parseAddressList(receipt.to);
    if (!parsed.ok || parsed.mailboxes.length !== 1) throw failure('INVALID_ADDRESS_LIST', 'reason.noRecipient', undefined, { invalid: [] });
    const account = await this.deps.accounts.resolve(receipt.accountId);
    const now = this.now();
    const item: OutboxItem = {
      id: newId(),
      accountId: account.id,
      state: 'queued',
      messageId: newMessageId(account.from.address),
      envid: newEnvid(),
      from: account.from,
      recipients: [{ address: parsed.mailboxes[0]!.address, field: 'to', state: 'pending' }],
      subject: receipt.subject,
      text: receipt.text,
      html: null,
      attachments: [],
      dsn: { notify: { success: false, failure: true, delay: false }, ret: 'headers' },
      createdAt: now,
      updatedAt: now,
      notBefore: now,
      attempts: 0,
      handedOffAt: null,
      sentAt: null,
      lastReply: null,
      error: null,
      warnings: [],
      threading: null,
      readReceipt: false,
      sentCopy: null,
      disposition: receipt.notice,
    };
    await this.deps.repo.add(item);
    this.deps.events.emit('outbox:changed', item);
    this.deps.spooler.kick();
    return item;
  }

  async abort(id: string): Promise<OutboxItem> {
    const item = await this.deps.repo.transition(id, ['queued', 'deferred', 'sending', 'sent', 'failed', 'cancelled'], (current) => {
      const possible = cancelState(current);
      if (!possible.possible) {
        throw failure(current.state === 'sending' || current.state === 'sent' ? 'TOO_LATE' : 'ILLEGAL_STATE', 'reason.cannotCancel', { why: possible.reason }, { state: current.state });
      }
      if (this.deps.spooler.cancelInFlight(id) === 'too-late') {
        throw failure('TOO_LATE', 'reason.tooLateToCancel', undefined, { state: current.state });
      }
      return { state: 'cancelled' };
    });
    this.deps.events.emit('outbox:changed', item);
    return item;
  }

  /** Retry now: back in the queue at once. Recipients already accepted are never sent to again. */
  async retry(id: string): Promise<OutboxItem> {
    const item = await this.deps.repo.transition(id, ['deferred', 'failed'], (current) => ({
      state: 'queued',
      notBefore: this.now(),
      error: null,
      recipients: current.recipients.map((r): Recipient => {
        if (r.state !== 'rejected') return r;
        const { reply: _oldReply, ...rest } = r;
        return { ...rest, state: 'pending' };
      }),
    }));
    this.deps.events.emit('outbox:changed', item);
    this.deps.spooler.kick();
    return item;
  }

  /** Removes a finished item (sent, failed or cancelled) and its transcript. */
  async delete(id: string): Promise<{ id: string }> {
    await this.deps.repo.remove(id, ['sent', 'failed', 'cancelled']);
    this.deps.events.emit('outbox:removed', { id });
    return { id };
  }

  window(request: OutboxListRequest): Promise<OutboxList> {
    return this.deps.repo.window(request);
  }

  get(id: string): Promise<OutboxItem> {
    return this.deps.repo.get(id);
  }
}
