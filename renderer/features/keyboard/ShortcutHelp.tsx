/** The "?" dialog: every keyboard shortcut with what it does, in the window's language. */
import { useT } from '../../i18n/use-t';
import { Dialog } from '../dialog/Dialog';
import { SHORTCUTS } from '../layout/shortcuts-logic';
import { useShortcutHelpStore } from './help-store';
import { isMac, keyLabel } from './key-label';

export const SHORTCUT_HELP_BUTTON_ID = 'shortcut-help-button';

export function ShortcutHelp() {
  const { t } = useT();
  const open = useShortcutHelpStore((s) => s.open);
  const setOpen = useShortcutHelpStore((s) => s.setOpen);
  if (!open) return null;
  const mac = isMac();
  const close = () => setOpen(false);
  return (
    <Dialog labelledBy="shortcut-help-title" describedBy="shortcut-help-note" className="shortcut-help" onClose={close}>
      <div className="dialog-head">
        <h2 id="shortcut-help-title" className="dialog-title">
          {t('keys.title')}
        </h2>
      </div>
      <div className="shortcut-help-body">
        <p id="shortcut-help-note" className="muted">
          {t('keys.note')}
        </p>
        <table className="shortcut-table">
          <thead>
            <tr>
              <th scope="col">{t('keys.keyColumn')}</th>
              <th scope="col">{t('keys.actionColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((entry) => (
              <tr key={entry.action}>
                <td>
                  {entry.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && <span className="muted"> {t('keys.or')} </span>}
                      <kbd>{keyLabel(key, mac, t)}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(`keys.action.${entry.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" data-autofocus onClick={close}>
          {t('keys.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** The sidebar's way to the same dialog, reachable by Tab. */
export function ShortcutHelpButton() {
  const { t } = useT();
  const setOpen = useShortcutHelpStore((s) => s.setOpen);
  return (
    <button type="button" id={SHORTCUT_HELP_BUTTON_ID} className="nav-item" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
      <span className="nav-label">{t('keys.title')}</span>
    </button>
  );
}
