/**
 * Notes above the status bar. Errors (a failed send, an action the core
 * refused) are alerts and stay until dismissed. The note after Send counts
 * down the undo delay and offers Undo, which takes the message back into
 * Compose, exactly as it was, while it is still held.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { useAlertsStore, type Alert } from '../../store/alerts';
import { findItem, useOutboxStore } from '../../store/outbox';
import { editItem } from '../outbox/edit';
import { showMessage } from '../reader/reader-actions';
import { UpdateNote } from '../update/UpdateNote';
import { WelcomeNote } from '../welcome/WelcomeNote';
import { queuedNote } from './alerts-logic';
import { StorageNoteView } from './StorageNote';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function QueuedNote({ alert }: { alert: Extract<Alert, { kind: 'queued' }> }) {
  const { t, tPlural } = useT();
  const api = useApi();
  const [shownAt] = useState(() => Date.now());
  const now = useNow(500);
  const item = useOutboxStore((s) => findItem(s, alert.itemId));
  const dismiss = useAlertsStore((s) => s.dismiss);
  const note = queuedNote(item, now, shownAt);
  useEffect(() => {
    if (!note.visible) dismiss(alert.id);
  }, [note.visible, dismiss, alert.id]);
  if (!note.visible) return null;
  return (
    <div className="toast toast-info">
      <p className="toast-text" id={`alert-text-${alert.id}`}>
        {alert.text}
        {note.secondsLeft !== null && <> {tPlural('alerts.sendingIn', note.secondsLeft)}</>}
      </p>
      <button type="button" className="toast-action" aria-describedby={`alert-text-${alert.id}`} onClick={() => void editItem(api, alert.itemId)}>
        {t('alerts.undo')}
      </button>
      <button type="button" className="quiet" aria-describedby={`alert-text-${alert.id}`} onClick={() => dismiss(alert.id)}>
        {t('alerts.dismiss')}
      </button>
    </div>
  );
}

/** New mail: who and what, Open (shows the message) and Dismiss. */
function NewMailNote({ alert }: { alert: Extract<Alert, { kind: 'newMail' }> }) {
  const { t } = useT();
  const api = useApi();
  const dismiss = useAlertsStore((s) => s.dismiss);
  return (
    <div className="toast toast-info new-mail-note">
      <p className="toast-text" id={`alert-text-${alert.id}`}>
        {alert.text}
      </p>
      <button
        type="button"
        className="toast-action"
        aria-describedby={`alert-text-${alert.id}`}
        onClick={() => {
          dismiss(alert.id);
          void showMessage(api, alert.folderId, alert.messageId);
        }}
      >
        {t('newMail.open')}
      </button>
      <button type="button" className="quiet" aria-describedby={`alert-text-${alert.id}`} onClick={() => dismiss(alert.id)}>
        {t('alerts.dismiss')}
      </button>
    </div>
  );
}

export function AlertArea() {
  const { t } = useT();
  const alerts = useAlertsStore((s) => s.alerts);
  const dismiss = useAlertsStore((s) => s.dismiss);
  const errors = alerts.filter((a) => a.kind === 'error');
  const queued = alerts.filter((a): a is Extract<Alert, { kind: 'queued' }> => a.kind === 'queued');
  const newMail = alerts.filter((a): a is Extract<Alert, { kind: 'newMail' }> => a.kind === 'newMail');
  return (
    <section className="alerts" aria-label={t('alerts.label')}>
      <WelcomeNote />
      {/* An error is an alert of its own, announced when it appears; the polite region is always present. */}
      <div className="alert-stack">
        <StorageNoteView />
        {errors.map((alert) => (
          <div key={alert.id} role="alert" className="toast toast-error">
            <p className="toast-text" id={`alert-text-${alert.id}`}>
              {alert.text}
            </p>
            <button type="button" className="quiet" aria-describedby={`alert-text-${alert.id}`} onClick={() => dismiss(alert.id)}>
              {t('alerts.dismiss')}
            </button>
          </div>
        ))}
      </div>
      <div aria-live="polite" className="alert-stack">
        {queued.map((alert) => (
          <QueuedNote key={alert.id} alert={alert} />
        ))}
        {newMail.map((alert) => (
          <NewMailNote key={alert.id} alert={alert} />
        ))}
        <UpdateNote />
      </div>
    </section>
  );
}
