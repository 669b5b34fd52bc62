/** Which account a new message goes out through, and how accounts are named in choosers. Pure. */
import { formatMailbox } from '../../shared/address';
import type { Account } from '../../shared/model';
import { t } from '../i18n/t';

/** As the core resolves it: the default set in Settings, else the first real account, else the sandbox. */
export function defaultAccount(accounts: readonly Account[] | null, defaultAccountId: string | undefined): Account | undefined {
  if (!accounts) return undefined;
  return accounts.find((a) => a.id === defaultAccountId) ?? accounts.find((a) => !a.sandbox) ?? accounts[0];
}

/** The account a message uses: the one chosen in Compose while it still exists, else the default. */
export function chosenAccount(accounts: readonly Account[] | null, chosenId: string | null, defaultAccountId: string | undefined): Account | undefined {
  return accounts?.find((a) => a.id === chosenId) ?? defaultAccount(accounts, defaultAccountId);
}

export function accountName(account: Pick<Account, 'name' | 'sandbox'>): string {
  return account.sandbox ? t('status.sandbox') : account.name;
}

/** "Work — Ann Lee <ann@example.test>" */
export function accountOption(account: Pick<Account, 'name' | 'sandbox' | 'from'>): string {
  return t('compose.fromOption', { account: accountName(account), address: formatMailbox(account.from) });
}
