/** The bottom line: recovery progress, online or offline, what the spooler is doing, which account sends. */
import { Fragment } from 'react';
import { useT } from '../../i18n/use-t';
import { NO_COUNTS, useOutboxStore } from '../../store/outbox';
import { goTo } from '../../store/navigate';
import { accountText, activityText, onlineText, phaseText, recoveryProgressText, unreachableLines } from '../../store/status-logic';
import { useSettingsStore } from '../../store/settings';
import { useStatusStore } from '../../store/status';

export function StatusBar() {
  const { t } = useT();
  const app = useStatusStore((s) => s.app);
  const accounts = useStatusStore((s) => s.accounts);
  const connectionError = useStatusStore((s) => s.connectionError);
  const defaultAccountId = useSettingsStore((s) => s.settings?.defaultAccountId);
  const counts = useOutboxStore((s) => s.counts ?? NO_COUNTS);

  const parts: { key: string; text: string; className: string }[] = [];
  // "Ready" goes without saying; connecting and recovering do not.
  if (app?.phase !== 'ready') {
    const progress = recoveryProgressText(app);
    parts.push({ key: 'phase', text: progress ? `${phaseText(app)} ${progress}` : phaseText(app), className: `status-phase phase-${app?.phase ?? 'connecting'}` });
  }
  const online = onlineText(app);
  if (online) parts.push({ key: 'online', text: online, className: `status-online ${app?.online ? 'is-online' : 'is-offline'}` });
  const unreachable = unreachableLines(app, accounts);
  for (const line of unreachable)
    parts.push({ key: `unreachable-${line.accountId}`, text: line.text, className: `status-unreachable${line.persistent ? ' is-persistent' : ''}` });
  if (app) parts.push({ key: 'activity', text: activityText(counts), className: `status-activity${counts.sending > 0 ? ' is-busy' : ''}` });
  const account = accountText(accounts, defaultAccountId);
  if (account) parts.push({ key: 'account', text: account, className: 'status-account' });
  if (connectionError) parts.push({ key: 'error', text: t('status.notConnected', { message: connectionError }), className: 'status-error' });

  // The live region is a plain element inside the footer: a footer may not take the status role.
  return (
    <footer className="statusbar">
      <p className="status-line" role="status">
        {parts.map((part, index) => (
          <Fragment key={part.key}>
            {index > 0 && (
              <span className="status-sep" aria-hidden="true">
                {' · '}
              </span>
            )}
            <span className={part.className}>{part.text}</span>
          </Fragment>
        ))}
      </p>
      {unreachable.some((line) => line.persistent) && (
        <button type="button" className="quiet status-fix" onClick={() => goTo('settings')}>
          {t('status.fixInSettings')}
        </button>
      )}
    </footer>
  );
}
