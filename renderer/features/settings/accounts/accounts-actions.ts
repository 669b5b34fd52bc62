/**
 * Settings → Accounts talking to the core: save, remove (after asking), test
 * the connection, trust the certificate the user saw, make an account the
 * default. Account lists from the core's answers are applied at once; the
 * accounts:changed event carries the same.
 */
import type { MailApi } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import type { Account, AccountInput } from '../../../../shared/model';
import { applySettings } from '../../../app/connect';
import { settle } from '../../../app/settle';
import { t } from '../../../i18n/t';
import { accountName } from '../../../store/accounts-logic';
import { useAccountsUiStore } from '../../../store/accounts-ui';
import { askConfirm } from '../../../store/confirm';
import { useIncomingTestsStore } from '../../../store/incoming-tests';
import { useStatusStore } from '../../../store/status';

function replaceAccount(account: Account): void {
  const status = useStatusStore.getState();
  const accounts = status.accounts ?? [];
  const known = accounts.some((a) => a.id === account.id);
  status.setAccounts(known ? accounts.map((a) => (a.id === account.id ? account : a)) : [...accounts, account]);
}

export async function saveAccount(api: MailApi, input: AccountInput): Promise<{ ok: true; account: Account } | { ok: false; error: AppError }> {
  const result = await settle(() => api.accounts.save(input));
  if (!result.ok) return result;
  replaceAccount(result.value);
  // A changed server needs a new test: the old findings are about another one.
  useAccountsUiStore.getState().setTest(result.value.id, null);
  useAccountsUiStore.getState().forgetLimit(result.value.id);
  useIncomingTestsStore.getState().setTest(result.value.id, null);
  return { ok: true, account: result.value };
}

export async function removeAccount(api: MailApi, account: Account): Promise<AppError | null> {
  const yes = await askConfirm({
    title: t('account.removeTitle'),
    body: t('account.removeBody', { name: accountName(account) }),
    confirmLabel: t('account.removeConfirm'),
    danger: true,
  });
  if (!yes) return null;
  const result = await settle(() => api.accounts.remove({ id: account.id }));
  if (!result.ok) return result.error;
  useStatusStore.getState().setAccounts(result.value);
  useAccountsUiStore.getState().setTest(account.id, null);
  useAccountsUiStore.getState().forgetLimit(account.id);
  return null;
}

export async function testAccount(api: MailApi, id: string): Promise<void> {
  const ui = useAccountsUiStore.getState();
  if (ui.tests[id]?.kind === 'testing') return;
  ui.setTest(id, { kind: 'testing' });
  const result = await settle(() => api.accounts.test({ id }));
  useAccountsUiStore.getState().setTest(id, result.ok ? { kind: 'passed', result: result.value, at: Date.now() } : { kind: 'failed', error: result.error, at: Date.now() });
}

/** Trusts the certificate whose fingerprint the user saw, then tests again. */
export async function trustCertificate(api: MailApi, id: string, error: AppError, sha256: string): Promise<void> {
  useAccountsUiStore.getState().setTest(id, { kind: 'trusting', error });
  const result = await settle(() => api.accounts.trustCertificate({ id, sha256 }));
  if (!result.ok) {
    useAccountsUiStore.getState().setTest(id, { kind: 'failed', error: result.error, at: Date.now() });
    return;
  }
  replaceAccount(result.value);
  useAccountsUiStore.getState().setTest(id, null);
  await testAccount(api, id);
}

export async function makeDefault(api: MailApi, id: string): Promise<AppError | null> {
  const result = await settle(() => api.settings.update({ defaultAccountId: id }));
  if (!result.ok) return result.error;
  applySettings(result.value);
  return null;
}
