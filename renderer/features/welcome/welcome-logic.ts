/**
 * When the first-start welcome shows: the accounts are known, the only one is
 * the local sandbox, and the user has not put the welcome away. Putting it
 * away is remembered in this window's storage.
 */
import type { Account } from '../../../shared/model';

const STORAGE_KEY = 'outbox-mail.welcomeDismissed';

export function shouldWelcome(accounts: readonly Pick<Account, 'sandbox'>[] | null, dismissed: boolean): boolean {
  return !dismissed && accounts !== null && accounts.every((a) => a.sandbox);
}

export function loadDismissed(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveDismissed(storage: Pick<Storage, 'setItem'> | undefined): void {
  try {
    storage?.setItem(STORAGE_KEY, '1');
  } catch {
    // No storage: the welcome stays away for this window only.
  }
}
