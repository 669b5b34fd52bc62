/**
 * Moving between views keeps the details pane honest: a selection that does
 * not belong to the new mailbox is dropped.
 */
import type { OutboxItem } from '../../shared/model';
import { useDraftsStore } from './drafts';
import { mailboxOf, type View } from './mailbox-logic';
import { findItem, useOutboxStore } from './outbox';
import { useUiStore } from './ui';

export function goTo(view: View): void {
  const outbox = useOutboxStore.getState();
  const selected = findItem(outbox, outbox.selectedId);
  const selectedDraft = selected ? false : useDraftsStore.getState().drafts.some((d) => d.id === outbox.selectedId);
  if ((selected && mailboxOf(selected.state) !== view) || (selectedDraft && view !== 'drafts')) outbox.select(null);
  useUiStore.getState().setView(view);
}

/**
 * Shows an item just created or changed by the user: selected, in its mailbox
 * when a mailbox is on show (Sandbox inbox and Settings stay where they are).
 */
export function showItem(item: OutboxItem): void {
  const ui = useUiStore.getState();
  if (ui.view === 'drafts' || ui.view === 'outbox' || ui.view === 'sent') {
    ui.setView(mailboxOf(item.state));
    if (ui.outboxFilter !== 'all' && ui.outboxFilter !== item.state) ui.setOutboxFilter('all');
  }
  useOutboxStore.getState().select(item.id);
}
