/**
 * The reading pane's bar for a sender's request for a read receipt (RFC 8098):
 * shown while the request is unanswered and the account says "ask"; Send
 * queues the receipt in the outbox, Don't send declines. Asked once.
 */
import { useState } from 'react';
import type { MessageDetail } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { useReaderStore } from '../../store/reader';

export function ReceiptRequestBar({ message }: { message: MessageDetail }) {
  const { t } = useT();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = message.receiptRequest;
  if (!request) return null;
  if (request.answer === 'sent') {
    return (
      <p className="receipt-bar muted" role="status">
        {t('reader.receipt.sent', { address: request.address })}
      </p>
    );
  }
  if (request.answer !== 'pending') return null;
  const answer = async (send: boolean) => {
    setBusy(true);
    const result = await settle(() => api.mail.answerReceipt({ id: message.id, send }));
    setBusy(false);
    if (!result.ok) return setError(t('reader.receipt.failed', { message: errorText(result.error) }));
    setError(null);
    const open = useReaderStore.getState().open;
    // The user may have opened another message meanwhile.
    if (open?.id === message.id) useReaderStore.getState().setOpen({ id: message.id, message: result.value, error: null });
  };
  return (
    <div className="remote-bar receipt-bar" role="status">
      <span>{t('reader.receipt.asked')}</span>
      <span className="remote-actions">
        <button type="button" className="small" disabled={busy} onClick={() => void answer(true)}>
          {t('reader.receipt.send')}
        </button>
        <button type="button" className="small" disabled={busy} onClick={() => void answer(false)}>
          {t('reader.receipt.decline')}
        </button>
      </span>
      {error && <span className="panel-error">{error}</span>}
    </div>
  );
}
