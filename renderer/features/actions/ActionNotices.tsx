/**
 * Under the list's title: what the last action did, with Undo; how many
 * changes wait for the server; a change the server could not make (shown
 * once, until dismissed); and Empty Trash on a Trash folder, asked first.
 */
import { useEffect } from 'react';
import type { Folder } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/t';
import { useMailActionsStore } from '../../store/mail-actions';
import { askConfirm } from '../../store/confirm';
import { undoLast } from './file-actions';

/** How long "Archived · Undo" stays. */
const UNDO_SHOWN_MS = 10_000;

const DONE_TEXT: Record<string, MessageKey> = {
  archive: 'actions.done.archive',
  delete: 'actions.done.delete',
  junk: 'actions.done.junk',
  notJunk: 'actions.done.notJunk',
  move: 'actions.done.move',
};

export function ActionNotices({ folder }: { folder: Folder | null }) {
  const { t } = useT();
  const api = useApi();
  const { last, error, queues } = useMailActionsStore();
  useEffect(() => {
    if (!last) return;
    const timer = setTimeout(() => useMailActionsStore.getState().clearLast(), UNDO_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [last]);
  const queue = folder ? queues[folder.accountId] : undefined;
  const conflict = queue?.conflicts.at(-1);
  const doneKey = last ? (last.undone ? 'actions.undone' : last.undoable ? DONE_TEXT[last.kind] : last.kind === 'delete' ? 'actions.done.deleteForGood' : undefined) : undefined;
  const emptyTrash = async () => {
    if (!folder) return;
    const yes = await askConfirm({ title: t('actions.emptyTrashQuestion'), body: t('actions.emptyTrashBody'), confirmLabel: t('actions.emptyTrash'), danger: true });
    if (!yes) return;
    const result = await settle(() => api.mail.emptyTrash({ folderId: folder.id }));
    useMailActionsStore.getState().failed(result.ok ? null : t('actions.failed', { message: errorText(result.error) }));
  };
  return (
    <div className="action-notices">
      {doneKey && (
        <p className="action-notice" role="status">
          <span>{t(doneKey)}</span>
          {last?.undoable && !last.undone && (
            <button type="button" className="small" onClick={() => void undoLast(api)}>
              {t('actions.undo')}
            </button>
          )}
        </p>
      )}
      {error && (
        <p className="panel-error" role="alert">
          {error}
        </p>
      )}
      {queue && queue.pending > 0 && <p className="muted action-pending">{t('actions.pending', { count: queue.pending })}</p>}
      {conflict && folder && (
        <p className="panel-error action-conflict" role="alert">
          <span>{t('actions.conflict', { message: errorText({ message: '', reason: conflict.reason }) })}</span>
          <button type="button" className="small" onClick={() => void settle(() => api.mail.dismissConflicts({ accountId: folder.accountId }))}>
            {t('actions.dismiss')}
          </button>
        </p>
      )}
      {folder?.role === 'trash' && folder.total > 0 && (
        <button type="button" className="small" onClick={() => void emptyTrash()}>
          {t('actions.emptyTrash')}
        </button>
      )}
    </div>
  );
}
