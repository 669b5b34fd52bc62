/**
 * The first-start welcome: while the local sandbox is the only account, a
 * quiet note says plainly what the sandbox is and offers to add a real
 * account. "Not now" puts it away for good.
 */
import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useStatusStore } from '../../store/status';
import { AccountFormDialog } from '../settings/accounts/AccountFormDialog';
import { loadDismissed, saveDismissed, shouldWelcome } from './welcome-logic';

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

export function WelcomeNote() {
  const { t } = useT();
  const accounts = useStatusStore((s) => s.accounts);
  const [dismissed, setDismissed] = useState(() => loadDismissed(storage));
  const [adding, setAdding] = useState(false);
  if (!shouldWelcome(accounts, dismissed) && !adding) return null;
  return (
    <>
      {shouldWelcome(accounts, dismissed) && (
        <section className="toast toast-info welcome-note" aria-labelledby="welcome-title">
          <div className="toast-text">
            <h2 id="welcome-title" className="welcome-title">
              {t('welcome.title')}
            </h2>
            <p id="welcome-body">{t('welcome.body')}</p>
          </div>
          <button type="button" className="toast-action" aria-describedby="welcome-body" onClick={() => setAdding(true)}>
            {t('welcome.add')}
          </button>
          <button
            type="button"
            className="quiet"
            onClick={() => {
              saveDismissed(storage);
              setDismissed(true);
            }}
          >
            {t('welcome.dismiss')}
          </button>
        </section>
      )}
      {adding && <AccountFormDialog account={null} onClose={() => setAdding(false)} />}
    </>
  );
}
