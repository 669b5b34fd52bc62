/** From: the account the message goes out through (the default one until another is chosen). */
import type { Account } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { accountOption } from '../../store/accounts-logic';
import { useComposeStore } from '../../store/compose';

export function FromField({ accounts, chosen }: { accounts: readonly Account[]; chosen: Account | undefined }) {
  const { t } = useT();
  const setAccount = useComposeStore((s) => s.setAccount);
  return (
    <div className="compose-row">
      <label htmlFor="compose-from">{t('compose.from')}</label>
      <div className="compose-input">
        <select id="compose-from" className="from-select" value={chosen?.id ?? ''} onChange={(e) => setAccount(e.target.value || null)} disabled={accounts.length === 0}>
          {accounts.length === 0 && <option value="">{t('compose.fromLoading')}</option>}
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {accountOption(account)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
