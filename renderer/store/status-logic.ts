/** Pure wording of the status bar. */
import { formatMailbox } from '../../shared/address';
import type { Account, AppStatus } from '../../shared/model';
import { t, tPlural } from '../i18n/t';
import { defaultAccount } from './accounts-logic';
import type { StateCounts } from './mailbox-logic';

export function phaseText(status: AppStatus | null): string {
  if (status === null) return t('status.connecting');
  return status.phase === 'recovering' ? tPlural('status.recovering', status.recovery.total) : t('status.ready');
}

/** "(2 of 5 done)" while recovery runs, otherwise nothing. */
export function recoveryProgressText(status: AppStatus | null): string | null {
  if (status?.phase !== 'recovering' || status.recovery.total === 0) return null;
  return t('status.recoveryProgress', { done: status.recovery.done, total: status.recovery.total });
}

export function onlineText(status: AppStatus | null): string | null {
  if (status === null) return null;
  return status.online ? t('status.online') : t('status.offline');
}

/** What the spooler is doing: sending now, else how many wait, else nothing to do. */
export function activityText(counts: Pick<StateCounts, 'sending' | 'queued' | 'deferred'>): string {
  if (counts.sending > 0) return tPlural('status.sending', counts.sending);
  const waiting = counts.queued + counts.deferred;
  return waiting > 0 ? tPlural('status.waiting', waiting) : t('status.idle');
}

/** The account new messages go out through unless Compose chooses another. */
export function accountText(accounts: readonly Account[] | null, defaultAccountId?: string): string | null {
  if (accounts === null) return null;
  const account = defaultAccount(accounts, defaultAccountId);
  if (!account) return t('status.noAccount');
  if (account.sandbox) return t('status.sandbox');
  return t('status.account', { address: formatMailbox(account.from) });
}

export interface UnreachableLine {
  accountId: string;
  text: string;
  /** Waiting will not fix it: the window offers the way to Settings. */
  persistent: boolean;
}

/** One line per account whose server cannot be reached, naming the account as the user called it. */
export function unreachableLines(status: AppStatus | null, accounts: readonly Account[] | null): UnreachableLine[] {
  return (status?.unreachable ?? []).map((u) => {
    const account = accounts?.find((a) => a.id === u.accountId);
    const values = { account: account ? (account.sandbox ? t('status.sandbox') : account.name) : u.accountId, server: `${u.host}:${u.port}` };
    return { accountId: u.accountId, persistent: u.persistent, text: t(u.persistent ? 'status.unreachablePersistent' : 'status.unreachable', values) };
  });
}
