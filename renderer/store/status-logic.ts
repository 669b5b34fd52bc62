/** Pure wording of the status bar. */
import { formatMailbox } from '../../shared/address';
import type { Account, AppStatus } from '../../shared/model';
import { t, tPlural } from '../i18n/t';

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

/** The account new messages go out through: the first one, as the core lists them. */
export function accountInUse(accounts: readonly Account[] | null): Account | undefined {
  return accounts?.[0];
}

export function accountText(accounts: readonly Account[] | null): string | null {
  if (accounts === null) return null;
  const account = accountInUse(accounts);
  if (!account) return t('status.noAccount');
  if (account.sandbox) return t('status.sandbox');
  return t('status.account', { address: formatMailbox(account.from) });
}
