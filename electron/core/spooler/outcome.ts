/**
 * What an attempt's outcome makes of the stored item: the state it goes to,
 * its recipients, reply, error and warnings. Pure (the time and the retry
 * delay are given), so every rule is tested without a server or a store; the
 * spooler only writes what these return.
 */
import { addressToAscii } from '../../../shared/address';
import type { Reason } from '../../../shared/errors';
import { described } from '../../../shared/i18n/reason';
import type { OutboxItem, Recipient } from '../../../shared/model';
import type { ItemPatch } from '../outbox/repository';
import { formatReply } from '../smtp/reply';
import type { RecipientResult, SendOutcome } from '../smtp/transport';

export function mergeRecipients(recipients: Recipient[], results: RecipientResult[]): Recipient[] {
  const byWire = new Map(results.map((r) => [r.address.toLowerCase(), r]));
  return recipients.map((recipient) => {
    const result = byWire.get(recipient.address.toLowerCase()) ?? byWire.get(addressToAscii(recipient.address).toLowerCase());
    if (!result || recipient.state === 'accepted') return recipient;
    // Only a 5yz refuses a recipient for good (RFC 5321 §4.2.1); a 4yz, or no reply at all, leaves it pending for the next attempt.
    if (result.accepted) {
      // Accepted is the last word on a recipient: an earlier temporary refusal no longer applies.
      const { reply: _earlier, ...rest } = recipient;
      return { ...rest, state: 'accepted' };
    }
    const state = result.reply && result.reply.code >= 500 ? 'rejected' : 'pending';
    return { ...recipient, state, ...(result.reply ? { reply: result.reply } : {}) };
  });
}

/**
 * After a failed attempt, recipients still pending carry the server's reply that ended it; when the
 * message fails for good with such a reply they are refused with it, since nothing will try them
 * again. A failure the server never spoke to (TLS, a login it does not offer) refuses nobody: those
 * recipients were not tried, and stay pending on the failed message.
 */
export function settleRecipients(recipients: Recipient[], giveUp: boolean, reply: Recipient['reply']): Recipient[] {
  if (!reply) return recipients;
  return recipients.map((r) => (r.state !== 'pending' ? r : { ...r, ...(giveUp ? { state: 'rejected' as const } : {}), reply }));
}

export interface OutcomeContext {
  now: number;
  /** The message is older than the give-up age: nothing is tried again. */
  expired: boolean;
  /** The wait before the next attempt, should there be one. */
  retryDelay: (attempts: number) => number;
}

/** The server answered the final dot with 250: sent, or deferred for the recipients still waiting on a 4yz. */
export function sentPatch(current: OutboxItem, outcome: Extract<SendOutcome, { kind: 'sent' }>, ctx: OutcomeContext): ItemPatch {
  const recipients = mergeRecipients(current.recipients, outcome.recipients).map((r) => (ctx.expired && r.state === 'pending' ? { ...r, state: 'rejected' as const } : r));
  const warnings = [...new Set([...current.warnings, ...outcome.warnings])];
  const waiting = recipients.filter((r) => r.state === 'pending');
  if (waiting.length) {
    // The server's words for each; a dash where it gave none (the recipient's own line says so in full).
    const why = waiting.map((r) => `${r.address}: ${r.reply ? formatReply(r.reply) : '—'}`);
    return {
      state: 'deferred',
      notBefore: ctx.now + ctx.retryDelay(current.attempts),
      lastReply: outcome.reply,
      error: described('SERVER_REJECTED', 'reason.partlyDeferred', { list: why.join('; ') }),
      recipients,
      warnings,
      handedOffAt: null,
    };
  }
  return { state: 'sent', sentAt: ctx.now, lastReply: outcome.reply, error: null, recipients, warnings };
}

/** The server was never reached: the message did nothing wrong, so the attempt is given back and it waits for the server. */
export function unreachedPatch(current: OutboxItem, outcome: Extract<SendOutcome, { kind: 'failed' }>, server: { host: string; port: number }, now: number): ItemPatch {
  const { failure } = outcome;
  return {
    state: 'deferred',
    attempts: Math.max(0, current.attempts - 1),
    notBefore: now,
    error: described(failure.code, 'reason.waitingForServer', { host: server.host, port: server.port, detail: failure.reason ?? failure.message }),
    handedOffAt: null,
  };
}

/** A failed attempt after the server was reached: deferred with backoff, or failed for good. */
export function failedPatch(current: OutboxItem, outcome: Extract<SendOutcome, { kind: 'failed' }>, ctx: OutcomeContext): ItemPatch {
  const { failure } = outcome;
  const giveUp = !failure.retryable || ctx.expired;
  // A reply after the final dot (4yz/5yz) says the server did not take it: no duplicate possible then.
  const handedOff = current.handedOffAt !== null && !failure.reply;
  return {
    state: giveUp ? 'failed' : 'deferred',
    notBefore: giveUp ? current.notBefore : ctx.now + ctx.retryDelay(current.attempts),
    lastReply: failure.reply ?? current.lastReply,
    error: { code: failure.code, message: failure.message, ...(failure.reason ? { reason: failure.reason } : {}) },
    recipients: settleRecipients(mergeRecipients(current.recipients, outcome.recipients), giveUp, failure.reply),
    // Handed off with no reply: the server may have it, so the resend is flagged.
    warnings: handedOff ? [...new Set([...current.warnings, 'POSSIBLE_DUPLICATE' as const])] : current.warnings,
    handedOffAt: null,
  };
}

/**
 * MAPI_E_CORRUPT_DATA: the message could not be turned into MIME. The first time it goes
 * straight back to the queue, to be rebuilt from its stored fields; the second time it fails
 * with the reason. No server was bothered, so no attempt is used.
 */
export function corruptPatch(current: OutboxItem, why: Reason | string, now: number): ItemPatch {
  const again = current.error?.code === 'CORRUPT_DATA';
  return {
    state: again ? 'failed' : 'queued',
    attempts: Math.max(0, current.attempts - 1),
    notBefore: now,
    handedOffAt: null,
    error: described('CORRUPT_DATA', again ? 'reason.rebuildFailed' : 'reason.rebuilding', { reason: why }),
  };
}

/**
 * The send stopped before the final dot for a reason of ours (cancel lost its write, the handoff
 * could not be stored): the server has nothing, so the item waits again with its attempt given back.
 */
export function requeuePatch(current: OutboxItem, now: number): ItemPatch {
  return { state: 'queued', attempts: Math.max(0, current.attempts - 1), notBefore: Math.min(current.notBefore, now), handedOffAt: null };
}
