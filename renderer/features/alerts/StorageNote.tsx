/** A note that stays until dismissed: the store was found damaged, or rows were set aside in quarantine. */
import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useStatusStore } from '../../store/status';
import { storageNote } from './storage-note-logic';

export function StorageNoteView() {
  const { t } = useT();
  const storage = useStatusStore((s) => s.app?.storage);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const note = storageNote(storage);
  if (!note || note.key === dismissed) return null;
  return (
    <div role="alert" className="toast toast-error storage-note" aria-label={t('store.noteLabel')}>
      <div className="toast-text" id="storage-note-text">
        {note.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {note.rows.length > 0 && (
          <ul className="storage-note-rows">
            {note.rows.map((row) => (
              <li key={row}>{row}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="quiet" aria-describedby="storage-note-text" onClick={() => setDismissed(note.key)}>
        {t('alerts.dismiss')}
      </button>
    </div>
  );
}
