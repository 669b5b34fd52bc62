/**
 * A reply or forward of a received message as a message for Compose: who it
 * goes to, its subject, the quoted original with an attribution line in the
 * window's language, the signature, the threading headers and the account it
 * is sent from. Pure: the caller supplies the accounts, the wording and any
 * forwarded files.
 */
import type { MessageDetail } from '../../../shared/mail-model';
import type { Account, Mailbox, Signature } from '../../../shared/model';
import { formatMailbox } from '../../../shared/address';
import { replyRecipients } from '../../../shared/reply/recipients';
import { forwardSubject, replySubject } from '../../../shared/reply/subject';
import { paragraphsHtml, quoteHtml, quoteText } from '../../../shared/reply/quote';
import { threadingFor } from '../../../shared/reply/threading';
import type { ComposeAttachment } from '../../store/attachment-logic';
import type { ComposeMessage } from '../../store/draft-logic';

export type AnswerMode = 'reply' | 'replyAll' | 'forward' | 'forwardAsAttachment';

/** The words the window's language gives the answer. */
export interface AnswerWording {
  attribution(date: number, name: string): string;
  forwardedHeader: string;
  labels: { from: string; date: string; subject: string; to: string; cc: string };
  formatDate(ms: number): string;
}

export interface AnswerContext {
  accounts: readonly Account[];
  defaultAccountId?: string | undefined;
  signatureAboveQuote: boolean;
  /** Files already stored for a forward (its attachments, or the message itself). */
  attachments: ComposeAttachment[];
  wording: AnswerWording;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The account the mail was sent to (its To or Cc), else the one it arrived in, else the default. */
export function answeringAccount(message: Pick<MessageDetail, 'to' | 'cc' | 'accountId'>, accounts: readonly Account[], defaultAccountId?: string): Account | undefined {
  const real = accounts.filter((a) => !a.sandbox);
  const addressed = [...message.to, ...message.cc];
  return (
    accounts.find((a) => addressed.some((m) => same(m.address, a.from.address))) ??
    real.find((a) => a.id === message.accountId) ??
    accounts.find((a) => a.id === defaultAccountId) ??
    real[0] ??
    accounts[0]
  );
}

const list = (boxes: readonly Mailbox[]): string[] => boxes.map(formatMailbox);

function forwardHeaderLines(message: MessageDetail, w: AnswerWording): string[] {
  return [
    w.forwardedHeader,
    `${w.labels.from}: ${message.from ? formatMailbox(message.from) : ''}`,
    `${w.labels.date}: ${w.formatDate(message.date)}`,
    `${w.labels.subject}: ${message.subject}`,
    `${w.labels.to}: ${list(message.to).join(', ')}`,
    ...(message.cc.length ? [`${w.labels.cc}: ${list(message.cc).join(', ')}`] : []),
  ];
}

interface Body {
  text: string;
  html: string;
}

/** Signature text with the conventional "-- " line above it. */
const signatureText = (s: Signature): string => `-- \n${s.text}`;
const signatureHtml = (s: Signature): string => (s.html ? `<p>-- </p>${s.html}` : paragraphsHtml(signatureText(s)));

/** The body: an empty line to write on, then the signature and the original in the order the setting asks. */
function answerBody(original: Body, signature: Signature | null, aboveQuote: boolean): Body {
  const sig = signature && (signature.text.trim() || signature.html.trim()) ? signature : null;
  const textParts = ['', ...(sig && aboveQuote ? [signatureText(sig)] : []), original.text, ...(sig && !aboveQuote ? [signatureText(sig)] : [])];
  const htmlParts = ['<p></p>', ...(sig && aboveQuote ? [signatureHtml(sig)] : []), original.html, ...(sig && !aboveQuote ? [signatureHtml(sig)] : [])];
  return { text: textParts.join('\n\n'), html: htmlParts.join('<p></p>') };
}

/** A new message from `account`: an empty line to write on, then its signature (none: a blank message). */
export function newMessageFor(account: Account | undefined, blank: ComposeMessage): ComposeMessage {
  const body = answerBody({ text: '', html: '' }, account?.signature ?? null, true);
  if (!account?.signature) return blank;
  return { ...blank, accountId: null, text: body.text.replace(/\n+$/, ''), html: body.html.replace(/(<p><\/p>)+$/, '') };
}

export function answerMessage(message: MessageDetail, mode: AnswerMode, context: AnswerContext): ComposeMessage {
  const account = answeringAccount(message, context.accounts, context.defaultAccountId);
  const w = context.wording;
  const originalText = message.text ?? '';
  const base = { attachments: [] as ComposeAttachment[], accountId: account?.id ?? null, dsn: null, readReceipt: false };

  if (mode === 'reply' || mode === 'replyAll') {
    const own = context.accounts.map((a) => a.from.address);
    const to = replyRecipients(message, mode, own);
    const attribution = w.attribution(message.date, message.from ? message.from.name || message.from.address : '');
    const body = answerBody(
      { text: `${attribution}\n${quoteText(originalText)}`, html: `<p>${escape(attribution)}</p>${quoteHtml(originalText)}` },
      account?.signature ?? null,
      context.signatureAboveQuote,
    );
    return { ...base, chips: { to: list(to.to), cc: list(to.cc), bcc: [] }, subject: replySubject(message.subject), ...body, threading: threadingFor(message) };
  }

  const header = forwardHeaderLines(message, w);
  const original: Body =
    mode === 'forward'
      ? { text: [...header, '', originalText].join('\n'), html: paragraphsHtml([...header, '', originalText].join('\n')) }
      : { text: '', html: '' };
  const body = answerBody(original, account?.signature ?? null, true);
  return {
    ...base,
    chips: { to: [], cc: [], bcc: [] },
    subject: forwardSubject(message.subject),
    text: body.text.replace(/\s+$/, ''),
    html: body.html,
    attachments: context.attachments,
    threading: null,
  };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
