/** The answer to askConfirm(): a small modal with the question, Cancel (focused first) and the action. */
import { useT } from '../../i18n/use-t';
import { useConfirmStore } from '../../store/confirm';
import { Dialog } from './Dialog';

export function ConfirmDialog() {
  const { t } = useT();
  const request = useConfirmStore((s) => s.request);
  const answer = useConfirmStore((s) => s.answer);
  if (!request) return null;
  return (
    <Dialog key={request.id} labelledBy="confirm-title" describedBy="confirm-body" className="confirm-dialog" onClose={() => answer(request.id, false)}>
      <div className="confirm">
        <h2 id="confirm-title" className="dialog-title">
          {request.title}
        </h2>
        <p id="confirm-body">{request.body}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={() => answer(request.id, false)}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className={request.danger ? 'danger' : 'primary'} onClick={() => answer(request.id, true)}>
          {request.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
