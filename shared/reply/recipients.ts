/**
 * Who a reply goes to. Reply: the Reply-To when the sender set one, else the
 * sender. Reply all: that, plus the original To (into To) and Cc (into Cc),
 * or the Mail-Followup-To when the sender set one. The user's own addresses
 * are dropped, and nobody is listed twice. A reply to one's own message goes
 * to whom it was sent.
 */
import type { Mailbox } from '../model';

export type ReplyMode = 'reply' | 'replyAll';

export interface RepliedMessage {
  from: Mailbox | null;
  to: readonly Mailbox[];
  cc: readonly Mailbox[];
  replyTo: readonly Mailbox[];
  /** Mail-Followup-To, where the message had one. */
  followupTo?: readonly Mailbox[];
}

export interface ReplyRecipients {
  to: Mailbox[];
  cc: Mailbox[];
}

const key = (m: Mailbox): string => m.address.trim().toLowerCase();

export function replyRecipients(message: RepliedMessage, mode: ReplyMode, ownAddresses: readonly string[]): ReplyRecipients {
  const own = new Set(ownAddresses.map((a) => a.trim().toLowerCase()));
  const fromMe = message.from !== null && own.has(key(message.from));
  const followup = message.followupTo ?? [];
  let to: readonly Mailbox[];
  let cc: readonly Mailbox[] = [];
  if (fromMe) {
    // Answering one's own message continues it with the same people.
    to = message.to;
    if (mode === 'replyAll') cc = message.cc;
  } else if (mode === 'replyAll' && followup.length > 0) {
    to = followup;
  } else {
    to = message.replyTo.length > 0 ? message.replyTo : message.from ? [message.from] : [];
    if (mode === 'replyAll') {
      to = [...to, ...message.to];
      cc = message.cc;
    }
  }
  const seen = new Set<string>();
  const keep = (list: readonly Mailbox[], dropOwn: boolean): Mailbox[] =>
    list.filter((m) => {
      const k = key(m);
      if (!k || seen.has(k) || (dropOwn && own.has(k))) return false;
      seen.add(k);
      return true;
    });
  let keptTo = keep(to, true);
  // A note sent to oneself is answered to oneself, not to nobody.
  if (keptTo.length === 0 && fromMe) keptTo = keep(message.to, false);
  return { to: keptTo, cc: keep(cc, true) };
}
