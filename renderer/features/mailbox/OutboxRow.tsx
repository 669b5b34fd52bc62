/** A row of the Outbox: who, what, state, attempts, next try, last reply, and the actions. */
import { memo } from 'react';
import type { OutboxSummary } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { Cell } from '../list/Cell';
import { StateBadge } from '../list/StateBadge';
import { cancelItem } from '../outbox/cancel';
import { canDelete } from '../outbox/delete';
import { attemptsText, lastReplyText, nextTryText, recipientsText } from '../outbox/format';
import { retryItem } from '../outbox/retry';
import { rowActions } from '../outbox/row-logic';
import { UploadProgress } from '../outbox/UploadProgress';
import { deleteButton, editButton } from './item-buttons';
import { MailboxRow } from './MailboxRow';

export const OutboxRow = memo(function OutboxRow({ item }: { item: OutboxSummary }) {
  const { t } = useT();
  const api = useApi();
  const busy = useOutboxStore((s) => s.pending[item.id] !== undefined);
  const actions = rowActions(item);
  const next = nextTryText(item, Date.now());
  const reply = lastReplyText(item);
  return (
    <MailboxRow
      id={item.id}
      recipients={recipientsText(item.recipients)}
      subject={item.subject}
      warnings={item.warnings}
      busy={busy}
      actions={[
        actions.retry && { name: 'retry', label: t('outbox.retry'), run: () => retryItem(api, item.id) },
        editButton(api, item.id, actions.edit.kind === 'blocked' ? actions.edit.reason : null),
        // A failed message has nothing left to cancel: Delete takes Cancel's place.
        canDelete(item)
          ? deleteButton(api, item.id)
          : {
              name: 'cancel',
              label: t('outbox.cancel'),
              blockedReason: actions.cancel.enabled ? null : actions.cancel.reason,
              run: () => cancelItem(api, item.id),
            },
      ]}
    >
      <Cell className="cell-state">
        <StateBadge state={item.state} />
        {item.state === 'sending' && <UploadProgress itemId={item.id} compact />}
      </Cell>
      <Cell className="cell-num" column={t('column.attempts')}>
        {attemptsText(item)}
      </Cell>
      <Cell className="cell-next" column={t('column.nextTry')} title={next}>
        {next}
      </Cell>
      <Cell className={`cell-reply${item.error ? ' has-error' : ''}`} column={t('column.lastReply')} title={reply}>
        {reply}
      </Cell>
    </MailboxRow>
  );
});
