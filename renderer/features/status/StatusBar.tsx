/** The bottom line: what the app is doing, whether it is online, which account sends. */
import { Fragment } from 'react';
import { t } from '../../i18n/t';
import { accountText, onlineText, phaseText, recoveryProgressText } from '../../store/status-logic';
import { useStatusStore } from '../../store/status';

export function StatusBar() {
  const app = useStatusStore((s) => s.app);
  const accounts = useStatusStore((s) => s.accounts);
  const connectionError = useStatusStore((s) => s.connectionError);

  const progress = recoveryProgressText(app);
  const parts: { key: string; text: string; className: string }[] = [
    { key: 'phase', text: progress ? `${phaseText(app)} ${progress}` : phaseText(app), className: `status-phase phase-${app?.phase ?? 'connecting'}` },
  ];
  const online = onlineText(app);
  if (online) parts.push({ key: 'online', text: online, className: `status-online ${app?.online ? 'is-online' : 'is-offline'}` });
  const account = accountText(accounts);
  if (account) parts.push({ key: 'account', text: account, className: 'status-account' });
  if (connectionError) parts.push({ key: 'error', text: t('status.notConnected', { message: connectionError }), className: 'status-error' });

  return (
    <footer className="statusbar" role="status">
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
    </footer>
  );
}
