/**
 * The Sent copy's small state machine, as pure functions over `SentCopy`:
 * pending → appending → filed, with `skipped` (the server files sent mail
 * itself) and `failed` (a permanent refusal) beside it. `appending` is
 * written before the APPEND, so a copy found in it after a restart is looked
 * for in the folder before it is appended again.
 */
import type { Reason } from '../../../shared/errors';
import type { Account, OutboxItem, SentCopy } from '../../../shared/model';
import { retryDelay, type RetryPolicy } from '../spooler/backoff';

/** What an item gets at submit: a copy to file for an account that receives mail, nothing otherwise. */
export function initialSentCopy(account: Account): SentCopy | null {
  if (account.sandbox || !account.incoming) return null;
  if (account.incoming.sentCopy === 'server') return { state: 'skipped', folder: null, attempts: 0, notBefore: 0, at: null, reason: { key: 'reason.sentCopyServerSetting' } };
  return { state: 'pending', folder: null, attempts: 0, notBefore: 0, at: null, reason: null };
}

/** A sent item whose copy still has to be filed (or checked, after an interrupted APPEND). */
export function waitsForFiling(item: OutboxItem): boolean {
  return item.state === 'sent' && (item.sentCopy?.state === 'pending' || item.sentCopy?.state === 'appending');
}

export const appending = (copy: SentCopy, folder: string): SentCopy => ({ ...copy, state: 'appending', folder });

export const filed = (copy: SentCopy, folder: string, now: number): SentCopy => ({ ...copy, state: 'filed', folder, at: now, reason: null });

export const skipped = (copy: SentCopy, why: Reason, now: number): SentCopy => ({ ...copy, state: 'skipped', at: now, reason: why });

export const failed = (copy: SentCopy, why: Reason, now: number): SentCopy => ({ ...copy, state: 'failed', at: now, reason: why });

/**
 * Tried again later, each time after a longer pause. An interrupted `appending` stays `appending`:
 * whether the server kept the message is unknown until the folder is searched.
 */
export function later(copy: SentCopy, why: Reason, now: number, policy: RetryPolicy): SentCopy {
  const attempts = copy.attempts + 1;
  return { ...copy, attempts, notBefore: now + retryDelay(policy, attempts), reason: why };
}

/** The user's Retry of a failed copy: back to pending, due now. */
export const retried = (copy: SentCopy, now: number): SentCopy => ({ ...copy, state: 'pending', attempts: 0, notBefore: now, at: null, reason: null });
