/**
 * The sidebar: New message, the mailboxes with their live counts, Settings.
 * Buttons in a nav; the current one is marked with aria-current.
 */
import { formatCount } from '../../format/number';
import { useT } from '../../i18n/use-t';
import { draftCount, unsentCount, type View } from '../../store/mailbox-logic';
import { goTo } from '../../store/navigate';
import { useDraftsStore } from '../../store/drafts';
import { NO_COUNTS, useOutboxStore } from '../../store/outbox';
import { useUiStore } from '../../store/ui';
import { NEW_MESSAGE_BUTTON_ID } from '../compose/ComposeDialog';
import { startNewMessage } from '../compose/open-compose';
import { Icon, type IconName } from '../icons/Icon';
import { FolderNav } from '../reader/FolderNav';
import { ShortcutHelpButton } from '../keyboard/ShortcutHelp';

interface Entry {
  view: View;
  icon: IconName;
  label: string;
  /** Shown as a badge; `countText` is what a screen reader hears, as the button's description. */
  count?: number;
  countText?: string;
}

/**
 * The count is the button's description ("Outbox" — "2 unsent messages"), so
 * its name stays the mailbox's; the describing text sits outside the button.
 */
function NavButton({ entry, current }: { entry: Entry; current: boolean }) {
  const counted = entry.count !== undefined && entry.count > 0;
  const countId = `nav-count-${entry.view}`;
  return (
    <>
      <button
        type="button"
        className="nav-item"
        aria-current={current ? 'page' : undefined}
        aria-describedby={counted ? countId : undefined}
        onClick={() => goTo(entry.view)}
      >
        <Icon name={entry.icon} />
        <span className="nav-label">{entry.label}</span>
        {counted && (
          <span className="nav-count" aria-hidden="true">
            {formatCount(entry.count ?? 0)}
          </span>
        )}
      </button>
      {counted && (
        <span id={countId} className="visually-hidden">
          {entry.countText}
        </span>
      )}
    </>
  );
}

export function Sidebar() {
  const { t, tPlural } = useT();
  const counts = useOutboxStore((s) => s.counts ?? NO_COUNTS);
  const savedDrafts = useDraftsStore((s) => s.drafts.length);
  const view = useUiStore((s) => s.view);
  const unsent = unsentCount(counts);
  const drafts = draftCount(counts, savedDrafts);

  const mailboxes: Entry[] = [
    { view: 'drafts', icon: 'drafts', label: t('nav.drafts'), count: drafts, countText: tPlural('nav.drafts', drafts) },
    { view: 'outbox', icon: 'outbox', label: t('nav.outbox'), count: unsent, countText: tPlural('nav.unsent', unsent) },
    { view: 'sent', icon: 'sent', label: t('nav.sent') },
    { view: 'sandbox', icon: 'sandbox', label: t('nav.sandbox') },
  ];

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <p className="brand">{t('app.title')}</p>
      <button
        type="button"
        id={NEW_MESSAGE_BUTTON_ID}
        className="primary new-message"
        aria-keyshortcuts="Control+N Meta+N"
        title={t('app.newMessageShortcut')}
        onClick={() => void startNewMessage()}
      >
        <Icon name="compose" />
        <span>{t('app.newMessage')}</span>
      </button>
      <ul className="nav-list">
        {mailboxes.map((entry) => (
          <li key={entry.view}>
            <NavButton entry={entry} current={view === entry.view} />
          </li>
        ))}
      </ul>
      <FolderNav />
      <div className="nav-bottom">
        <NavButton entry={{ view: 'settings', icon: 'settings', label: t('nav.settings') }} current={view === 'settings'} />
        <ShortcutHelpButton />
      </div>
    </nav>
  );
}
