/**
 * Compose in a modal dialog: opened by New message (Ctrl/Cmd+N), Edit, Undo, a
 * draft or a mailto: link; Escape closes it, keeps the text and saves the draft. Files dropped anywhere on it are attached.
 * Maximize (Ctrl/Cmd+Shift+M) makes it fill the window, for a long message.
 */
import { useState, type DragEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { useComposeStore } from '../../store/compose';
import { Dialog } from '../dialog/Dialog';
import { ComposeForm } from './ComposeForm';
import { attachFiles } from './read-files';

export const NEW_MESSAGE_BUTTON_ID = 'new-message';

const carriesFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

export function ComposeDialog() {
  const { t } = useT();
  const api = useApi();
  const open = useComposeStore((s) => s.open);
  const close = useComposeStore((s) => s.close);
  const [dragging, setDragging] = useState(false);
  // For this Compose only: a new message opens at the usual size.
  const [maximized, setMaximized] = useState(false);
  if (!open) return null;
  return (
    <Dialog labelledBy="compose-title" className={`compose-dialog${maximized ? ' is-maximized' : ''}`} onClose={close} fallbackFocus={() => document.getElementById(NEW_MESSAGE_BUTTON_ID)}>
      <div
        className={`drop-zone${dragging ? ' is-dragging' : ''}`}
        onDragOver={(event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          setDragging(false);
          void attachFiles(api, [...event.dataTransfer.files]);
        }}
      >
        <ComposeForm maximized={maximized} onToggleMaximized={() => setMaximized(!maximized)} />
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            {t('compose.dropHere')}
          </div>
        )}
      </div>
    </Dialog>
  );
}
