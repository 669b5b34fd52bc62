/**
 * Answers requests for read receipts (RFC 8098) on messages the user opens,
 * as the account says: ask (the reading pane offers Send / Don't send),
 * always (sent without asking), never (nothing). Whatever the setting, no
 * receipt for mail in Junk, for the user's own messages or for reports and
 * automatic replies; and "always" still asks when the receipt would go
 * somewhere other than the envelope sender (§2.1: a forged request must not
 * confirm an address silently). Each request is answered once; the answer is
 * remembered. A receipt leaves through the outbox like any message.
 */
import type { MessageDetail } from '../../../shared/mail-model';
import type { Account, DispositionNotice } from '../../../shared/model';
import { failure } from '../../../shared/i18n/reason';
import type { MailCache } from './mail-cache';
import type { ReceiptAnswers } from './receipt-answers';
import { receiptRequestOf, type ReceiptRequest } from './receipt-request';
import type { MessageRow } from './message-rows';

export type ReceiptRequestState = MessageDetail['receiptRequest'];

/** What may be done about a request, before any answer: nothing, ask the user, or send at once. */
export type ReceiptPolicy = 'none' | 'ask' | 'send';

export interface ReceiptFacts {
  request: ReceiptRequest | null;
  folderRole: string | null;
  /** The sender of the message. */
  from: string | null;
  setting: Account['readReceipts'];
  /** Every address the user sends from. */
  ownAddresses: ReadonlySet<string>;
}

const same = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

export function receiptPolicy(facts: ReceiptFacts): ReceiptPolicy {
  const { request } = facts;
  if (!request || request.automatic || facts.folderRole === 'junk' || facts.setting === 'never') return 'none';
  const own = (address: string | null) => address !== null && facts.ownAddresses.has(address.trim().toLowerCase());
  if (own(facts.from) || own(request.address)) return 'none';
  if (facts.setting === 'always' && same(request.address, request.returnPath)) return 'send';
  return 'ask';
}

export interface OutgoingReceipt {
  accountId: string;
  to: string;
  subject: string;
  text: string;
  notice: DispositionNotice;
}

export interface ReceiptServiceDeps {
  cache: MailCache;
  answers: ReceiptAnswers;
  /** The message's bytes (kept by the time a message is shown). */
  rawOf(row: MessageRow): Promise<Buffer>;
  accounts(): Promise<Account[]>;
  /** Queues the receipt in the outbox, durably, before it resolves. */
  queue(receipt: OutgoingReceipt): Promise<void>;
  now?: () => number;
  /** A request could not be read or answered while a message was shown. */
  onError?: (error: unknown) => void;
}

export class ReceiptService {
  /** Requests being answered now, so two opens of one message never send two receipts. */
  private readonly answering = new Map<string, Promise<void>>();

  constructor(private readonly deps: ReceiptServiceDeps) {}

  /** The detail with its request's state; under "always" the receipt is sent as the message is shown. */
  async decorate(detail: MessageDetail): Promise<MessageDetail> {
    const row = this.deps.cache.row(detail.id);
    if (!row) return detail;
    try {
      return { ...detail, receiptRequest: await this.stateOf(row, true) };
    } catch (error) {
      // Reading the message never fails over its receipt; an automatic answer not queued is tried at the next open.
      this.deps.onError?.(error);
      return detail;
    }
  }

  /** The user's answer from the reading pane. */
  async answer(id: string, send: boolean): Promise<void> {
    const row = this.deps.cache.row(id);
    if (!row) throw failure('NOT_FOUND', 'reason.noSuchMail');
    const facts = await this.factsOf(row);
    if (receiptPolicy(facts) === 'none') throw failure('ILLEGAL_STATE', 'reason.noReceiptRequest');
    await this.settle(row, facts, send ? 'manual' : null);
  }

  private async stateOf(row: MessageRow, mayAutoSend: boolean): Promise<ReceiptRequestState> {
    const facts = await this.factsOf(row);
    const policy = receiptPolicy(facts);
    if (policy === 'none' || !facts.request) return null;
    const answered = this.deps.answers.get(row.account_id, this.keyOf(row));
    if (answered) return { address: facts.request.address, answer: answered };
    if (policy === 'send' && mayAutoSend) {
      await this.settle(row, facts, 'automatic');
      return { address: facts.request.address, answer: this.deps.answers.get(row.account_id, this.keyOf(row)) ?? 'pending' };
    }
    return { address: facts.request.address, answer: 'pending' };
  }

  private async factsOf(row: MessageRow): Promise<ReceiptFacts> {
    const accounts = await this.deps.accounts();
    const account = accounts.find((a) => a.id === row.account_id);
    const request = receiptRequestOf(await this.deps.rawOf(row));
    return {
      request,
      folderRole: this.deps.cache.folder(row.folder_id)?.role ?? null,
      from: senderOf(row),
      setting: account?.readReceipts ?? 'ask',
      ownAddresses: new Set(accounts.map((a) => a.from.address.trim().toLowerCase())),
    };
  }

  /** The Message-ID names the request; a message without one is named by its row. */
  private keyOf(row: MessageRow): string {
    return row.message_id || `row:${row.id}`;
  }

  /** Sends (mode given) or declines (null), once: the receipt is queued before the answer is written. */
  private async settle(row: MessageRow, facts: ReceiptFacts, mode: DispositionNotice['mode'] | null): Promise<void> {
    const key = `${row.account_id}\n${this.keyOf(row)}`;
    const running = this.answering.get(key);
    if (running) return running;
    const work = (async () => {
      if (this.deps.answers.get(row.account_id, this.keyOf(row))) return;
      const now = (this.deps.now ?? Date.now)();
      if (mode && facts.request) {
        const accounts = await this.deps.accounts();
        const account = accounts.find((a) => a.id === row.account_id);
        if (!account) throw failure('NOT_FOUND', 'reason.noSuchAccount');
        await this.deps.queue(receiptFor(row, account, facts.request, mode));
      }
      await this.deps.answers.put(row.account_id, this.keyOf(row), mode ? 'sent' : 'declined', now);
    })();
    this.answering.set(key, work);
    try {
      await work;
    } finally {
      this.answering.delete(key);
    }
  }
}

function senderOf(row: MessageRow): string | null {
  try {
    const from = row.from_json ? (JSON.parse(row.from_json) as { address?: unknown }) : null;
    return typeof from?.address === 'string' ? from.address : null;
  } catch {
    return null;
  }
}

/** The receipt's words for people go in English: they are read by the sender, whose language we do not know. */
export function receiptFor(row: MessageRow, account: Account, request: ReceiptRequest, mode: DispositionNotice['mode']): OutgoingReceipt {
  const subject = row.subject.replace(/[\r\n]+/g, ' ');
  const date = new Date(row.date).toUTCString();
  const text = [
    `This is a receipt for the message sent to ${account.from.address} on ${date} with the subject "${subject}".`,
    '',
    'It was displayed on the recipient’s screen. That says nothing about whether it was read or understood.',
    '',
  ].join('\n');
  return {
    accountId: account.id,
    to: request.address,
    subject: `Read: ${subject}`.slice(0, 998),
    text,
    notice: {
      originalRecipient: request.originalRecipient,
      finalRecipient: account.from.address,
      originalMessageId: row.message_id,
      originalSubject: subject,
      mode,
    },
  };
}
