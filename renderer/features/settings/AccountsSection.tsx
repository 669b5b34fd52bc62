/**
 * Settings → Accounts: each account with its server, whether a password is
 * saved (never the password), which one is the default, and its actions —
 * Test connection, Edit, Make default, Remove. Add account opens the form.
 * The built-in sandbox can be tested and made the default, not changed.
 */
import { useState } from 'react';
import { formatMailbox } from '../../../shared/address';
import type { AppError } from '../../../shared/errors';
import type { Account } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { accountName, defaultAccount } from '../../store/accounts-logic';
import { useAccountsUiStore } from '../../store/accounts-ui';
import { useSettingsStore } from '../../store/settings';
import { useStatusStore } from '../../store/status';
import { AccountFormDialog } from './accounts/AccountFormDialog';
import { makeDefault, removeAccount, testAccount } from './accounts/accounts-actions';
import { TestResult } from './accounts/TestResult';
import { testIncoming } from './accounts/incoming-actions';
import { IncomingTestResult } from './accounts/IncomingTestResult';
import { useIncomingTestsStore } from '../../store/incoming-tests';

function AccountItem({ account, isDefault, onEdit }: { account: Account; isDefault: boolean; onEdit(): void }) {
  const { t } = useT();
  const api = useApi();
  const testing = useAccountsUiStore((s) => s.tests[account.id]?.kind === 'testing');
  const testingIncoming = useIncomingTestsStore((s) => s.tests[account.id]?.kind === 'testing');
  const [error, setError] = useState<string | null>(null);
  const name = accountName(account);
  const nameId = `account-name-${account.id}`;

  const run = async (action: () => Promise<AppError | null>) => {
    setError(null);
    const failure = await action();
    if (failure) setError(errorText(failure));
  };

  return (
    <li className="account">
      <div className="account-head">
        <div className="account-info">
          <span id={nameId} className="account-name">
            {name}
          </span>
          <span className="account-from">{formatMailbox(account.from)}</span>
          <span className="muted">
            {account.sandbox
              ? t('settings.accountSandbox')
              : t('settings.accountDetails', {
                  server: t('settings.accountServer', { host: account.host, port: account.port }),
                  security: t(`settings.security.${account.security}`),
                })}
          </span>
          {!account.sandbox && (
            <span className="muted">
              {account.incoming
                ? t('incoming.details', {
                    server: t('settings.accountServer', { host: account.incoming.host, port: account.incoming.port }),
                    security: t(`settings.security.${account.incoming.security}`),
                  })
                : t('incoming.sendOnly')}
            </span>
          )}
        </div>
        <div className="account-badges">
          {isDefault && <span className="badge badge-default">{t('account.default')}</span>}
          {account.hasSecret && <span className="badge badge-secret">{t('account.secretSavedBadge')}</span>}
          {account.trustedCertificate && <span className="badge badge-secret">{t('account.trustedBadge')}</span>}
          {account.incoming?.trustedCertificate && <span className="badge badge-secret">{t('incoming.trustedBadge')}</span>}
        </div>
      </div>
      <div className="account-actions">
        <button type="button" aria-describedby={nameId} disabled={testing} aria-controls={`account-test-${account.id}`} onClick={() => void testAccount(api, account.id)}>
          {t('account.test')}
        </button>
        {account.incoming && (
          <button
            type="button"
            aria-describedby={nameId}
            disabled={testingIncoming}
            aria-controls={`account-incoming-test-${account.id}`}
            onClick={() => void testIncoming(api, account.id)}
          >
            {t('incoming.test')}
          </button>
        )}
        {!account.sandbox && (
          <button type="button" aria-describedby={nameId} onClick={onEdit}>
            {t('account.edit')}
          </button>
        )}
        {!isDefault && (
          <button type="button" aria-describedby={nameId} onClick={() => void run(() => makeDefault(api, account.id))}>
            {t('account.makeDefault')}
          </button>
        )}
        {!account.sandbox && (
          <button type="button" className="quiet" aria-describedby={nameId} onClick={() => void run(() => removeAccount(api, account))}>
            {t('account.remove')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <TestResult accountId={account.id} />
      {account.incoming && <IncomingTestResult accountId={account.id} />}
    </li>
  );
}

export function AccountsSection() {
  const { t } = useT();
  const accounts = useStatusStore((s) => s.accounts);
  const defaultAccountId = useSettingsStore((s) => s.settings?.defaultAccountId);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = defaultAccount(accounts, defaultAccountId);

  return (
    <section className="card" aria-labelledby="settings-accounts">
      <div className="card-head">
        <h3 id="settings-accounts" className="card-title">
          {t('settings.accounts')}
        </h3>
        <button
          type="button"
          className="primary"
          id="add-account"
          onClick={() => {
            setNotice(null);
            setEditing('new');
          }}
        >
          {t('account.add')}
        </button>
      </div>
      <p className="form-notice" aria-live="polite">
        {notice ?? ''}
      </p>
      {accounts === null || accounts.length === 0 ? (
        <p className="muted">{accounts === null ? t('settings.loading') : t('settings.accountsEmpty')}</p>
      ) : (
        <ul className="account-list">
          {accounts.map((account) => (
            <AccountItem
              key={account.id}
              account={account}
              isDefault={account.id === current?.id}
              onEdit={() => {
                setNotice(null);
                setEditing(account);
              }}
            />
          ))}
        </ul>
      )}
      {editing !== null && (
        <AccountFormDialog
          account={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setNotice(t('account.saved', { name: accountName(saved) }));
          }}
        />
      )}
    </section>
  );
}
