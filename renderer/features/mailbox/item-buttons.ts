/** Edit and Delete as every mailbox's rows of messages offer them: same words, same actions. */
import type { MailApi } from '../../../shared/contract';
import { t } from '../../i18n/t';
import { deleteItem } from '../outbox/delete';
import { editItem } from '../outbox/edit';
import type { RowActionButton } from './MailboxRow';

export function editButton(api: MailApi, id: string, blockedReason: string | null = null): RowActionButton {
  return { name: 'edit', label: t('outbox.edit'), blockedReason, run: () => editItem(api, id) };
}

export function deleteButton(api: MailApi, id: string): RowActionButton {
  return { name: 'delete', label: t('outbox.delete'), run: () => deleteItem(api, id) };
}
