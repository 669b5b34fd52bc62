/**
 * The sidebar's mail accounts: each account that receives, its sync status
 * (quiet unless syncing, offline or failing), and its folders with role icons
 * and unread counts.
 */
import { useMemo } from 'react';
import type { Folder, SyncStatus } from '../../../shared/mail-model';
import type { Account } from '../../../shared/model';
import { formatCount } from '../../format/number';
import { formatDateTime } from '../../format/time';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { accountName } from '../../store/accounts-logic';
import { useReaderStore } from '../../store/reader';
import { folderDepth, foldersOf } from '../../store/reader-logic';
import { useStatusStore } from '../../store/status';
import { useUiStore } from '../../store/ui';
import { goTo } from '../../store/navigate';
import { Icon, type IconName } from '../icons/Icon';
import { folderLabel } from './folder-label';

const ROLE_ICONS: Record<Folder['role'], IconName> = {
  inbox: 'inbox',
  sent: 'sent',
  drafts: 'drafts',
  trash: 'trash',
  junk: 'junk',
  archive: 'archive',
  reports: 'reports',
  other: 'folder',
};

function SyncLine({ status }: { status: SyncStatus | undefined }) {
  const { t } = useT();
  if (!status || status.state === 'idle') {
    return status?.lastSyncAt ? <span className="visually-hidden">{t('reader.sync.lastSync', { time: formatDateTime(status.lastSyncAt) })}</span> : null;
  }
  const text =
    status.state === 'syncing'
      ? status.progress
        ? t('reader.sync.progress', { done: formatCount(status.progress.done), total: formatCount(status.progress.total) })
        : t('reader.sync.syncing')
      : status.state === 'offline'
        ? t('reader.sync.offline')
        : t('reader.sync.error', { message: status.error ? errorText({ message: '', reason: status.error }) : '' });
  return (
    <span className={`sync-line sync-${status.state}`} role="status">
      {text}
    </span>
  );
}

function FolderButton({ folder, current }: { folder: Folder; current: boolean }) {
  const { tPlural } = useT();
  const countId = `folder-count-${folder.id}`;
  const counted = folder.unread > 0;
  return (
    <>
      <button
        type="button"
        className={`nav-item folder-item depth-${Math.min(folderDepth(folder), 4)}`}
        aria-current={current ? 'page' : undefined}
        aria-describedby={counted ? countId : undefined}
        disabled={!folder.selectable}
        onClick={() => {
          useReaderStore.getState().showFolder(folder.id);
          goTo('mail');
        }}
      >
        <Icon name={ROLE_ICONS[folder.role]} />
        <span className="nav-label">{folderLabel(folder)}</span>
        {counted && (
          <span className="nav-count" aria-hidden="true">
            {formatCount(folder.unread)}
          </span>
        )}
      </button>
      {counted && (
        <span id={countId} className="visually-hidden">
          {tPlural('reader.unread', folder.unread)}
        </span>
      )}
    </>
  );
}

function AccountFolders({ account, folders }: { account: Account; folders: readonly Folder[] }) {
  const sync = useReaderStore((s) => s.sync[account.id]);
  const folderId = useReaderStore((s) => s.folderId);
  const query = useReaderStore((s) => s.query);
  const view = useUiStore((s) => s.view);
  const own = useMemo(() => foldersOf(folders, account.id), [folders, account.id]);
  const headingId = `account-${account.id}`;
  return (
    <li className="account-folders">
      <p id={headingId} className="account-name">
        {accountName(account)}
      </p>
      <SyncLine status={sync} />
      <ul className="nav-list" aria-labelledby={headingId}>
        {own.map((folder) => (
          <li key={folder.id}>
            <FolderButton folder={folder} current={view === 'mail' && !query && folder.id === folderId} />
          </li>
        ))}
      </ul>
    </li>
  );
}

export function FolderNav() {
  const { t } = useT();
  const accounts = useStatusStore((s) => s.accounts);
  const folders = useReaderStore((s) => s.folders);
  // Accounts with folders (the sandbox's local mailbox has no IMAP half) or an incoming server.
  const receiving = (accounts ?? []).filter((a) => a.incoming !== null || folders.some((f) => f.accountId === a.id));
  if (receiving.length === 0) return null;
  return (
    <ul className="mail-accounts" aria-label={t('reader.nav')}>
      {receiving.map((account) => (
        <AccountFolders key={account.id} account={account} folders={folders} />
      ))}
      <ReportsFolder folders={folders} />
    </ul>
  );
}

/** The "Delivery reports" folder (a setting): every account's reports, on no server, so under no account. */
function ReportsFolder({ folders }: { folders: readonly Folder[] }) {
  const folderId = useReaderStore((s) => s.folderId);
  const query = useReaderStore((s) => s.query);
  const view = useUiStore((s) => s.view);
  const folder = folders.find((f) => f.role === 'reports' && f.accountId === f.id);
  if (!folder) return null;
  return (
    <li className="account-folders">
      <ul className="nav-list">
        <li>
          <FolderButton folder={folder} current={view === 'mail' && !query && folder.id === folderId} />
        </li>
      </ul>
    </li>
  );
}
