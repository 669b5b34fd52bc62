/** "Update ready — restart": the note for a downloaded update. Restarting waits for sends in progress (core/updates). */
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { useUpdateStore } from '../../store/update';
import { updateNote } from './update-logic';

export function UpdateNote() {
  const { t } = useT();
  const api = useApi();
  const { update, dismissedVersion, error, later, restart } = useUpdateStore();
  const note = updateNote(update, dismissedVersion);
  if (!note || !update) return null;
  return (
    <div className="toast toast-info">
      <p className="toast-text" id="update-note-text">
        {t(note.key, { version: update.version })}
        {error && <> {t('update.failed', { message: error })}</>}
      </p>
      {note.actions && (
        <>
          <button type="button" className="toast-action" aria-describedby="update-note-text" onClick={() => void restart(api)}>
            {t('update.restart')}
          </button>
          <button type="button" className="quiet" aria-describedby="update-note-text" onClick={later}>
            {t('update.later')}
          </button>
        </>
      )}
    </div>
  );
}
