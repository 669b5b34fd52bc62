/** The accounts the core sends through, read-only for now. */
import { formatMailbox } from '../../../shared/address';
import { useT } from '../../i18n/use-t';
import { useStatusStore } from '../../store/status';

export function AccountsSection() {
  const { t } = useT();
  const accounts = useStatusStore((s) => s.accounts);
  return (
    <section className="card" aria-labelledby="settings-accounts">
      <h3 id="settings-accounts" className="card-title">
        {t('settings.accounts')}
      </h3>
      {accounts === null || accounts.length === 0 ? (
        <p className="muted">{accounts === null ? t('settings.loading') : t('settings.accountsEmpty')}</p>
      ) : (
        <ul className="account-list">
          {accounts.map((account) => (
            <li key={account.id} className="account">
              <span className="account-name">{account.sandbox ? t('status.sandbox') : account.name}</span>
              <span className="account-from">{formatMailbox(account.from)}</span>
              <span className="muted">
                {account.sandbox
                  ? t('settings.accountSandbox')
                  : t('settings.accountDetails', {
                      server: t('settings.accountServer', { host: account.host, port: account.port }),
                      security: t(`settings.security.${account.security}`),
                    })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
