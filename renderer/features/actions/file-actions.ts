/**
 * Acting on mail from the window: the core applies the action at once and
 * queues it for the server; the window keeps the result for Undo and, when
 * the open message left its folder, opens the next one.
 */
import type { MailApi } from '../../../shared/contract';
import type { MailActionKind, MessageDetail } from '../../../shared/mail-model';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { useMailActionsStore } from '../../store/mail-actions';
import { useReaderStore } from '../../store/reader';
import { openMessage } from '../reader/reader-actions';

const MOVES: ReadonlySet<MailActionKind> = new Set(['move', 'archive', 'delete', 'junk', 'notJunk']);
const FLAG_CHANGES: Partial<Record<MailActionKind, Partial<MessageDetail['flags']>>> = {
  seen: { seen: true },
  unseen: { seen: false },
  flag: { flagged: true },
  unflag: { flagged: false },
};

/** The row after `id` in the list on show (or before it, at the end). */
function neighbourOf(id: string): string | null {
  const rows = useReaderStore.getState().list?.rows ?? [];
  const at = rows.findIndex((r) => r.id === id);
  if (at < 0) return null;
  return rows[at + 1]?.id ?? rows[at - 1]?.id ?? null;
}

/**
 * The action whose answer has not come back yet. The list can lose the row (the core's change event)
 * before the answer arrives: Undo pressed in between waits for it instead of undoing the one before.
 */
let answering: Promise<unknown> | null = null;

export async function actOn(api: MailApi, message: Pick<MessageDetail, 'id'>, kind: MailActionKind): Promise<void> {
  const next = MOVES.has(kind) ? neighbourOf(message.id) : null;
  const asked = settle(() => api.mail.act({ kind, ids: [message.id] }));
  answering = asked;
  const result = await asked;
  if (answering === asked) answering = null;
  const store = useMailActionsStore.getState();
  if (!result.ok) return store.failed(t('actions.failed', { message: errorText(result.error) }));
  store.done(result.value);
  if (!MOVES.has(kind)) {
    // The pane shows the flags it opened with: bring them up to date (reopening would mark it read again).
    const reader = useReaderStore.getState();
    const open = reader.open;
    const flags = FLAG_CHANGES[kind];
    if (open?.message?.id === message.id && flags) reader.setOpen({ ...open, message: { ...open.message, flags: { ...open.message.flags, ...flags } } });
    return;
  }
  if (next) void openMessage(api, next);
}

export async function undoLast(api: MailApi): Promise<void> {
  await answering;
  const store = useMailActionsStore.getState();
  const last = store.last;
  if (!last || last.undone || !last.undoable) return;
  const result = await settle(() => api.mail.undo({ actionId: last.actionId }));
  if (!result.ok) return store.failed(t('actions.failed', { message: errorText(result.error) }));
  useMailActionsStore.getState().undone();
}
