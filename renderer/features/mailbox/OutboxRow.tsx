/** A row of the Outbox: who, what, state, attempts, next try, last reply, and the actions. */
import { memo } from 'react';
import type { OutboxItem } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { Cell } from '../list/Cell';
import { RowButton } from '../list/RowButton';
import { StateBadge } from '../list/StateBadge';
import { cancelItem } from '../outbox/cancel';
import { canDelete, deleteItem } from '../outbox/delete';
import { editItem } from '../outbox/edit';
import { attemptsText, lastReplyText, nextTryText, recipientsText, subjectText } from '../outbox/format';
import { retryItem } from '../outbox/retry';
import { rowActions } from '../outbox/row-logic';
import { UploadProgress } from '../outbox/UploadProgress';
import { WarningBadges } from './WarningBadges';

export const OutboxRow = memo(function OutboxRow({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const api = useApi();
  const pending = useOutboxStore((s) => s.pending[item.id]);
  const actions = rowActions(item);
  const subjectId = `row-subject-${item.id}`;
  const recipients = recipientsText(item.recipients);
  const next = nextTryText(item, Date.now());
  const reply = lastReplyText(item);
  return (
    <>
      <Cell className="cell-recipients" title={recipients}>
        {recipients}
      </Cell>
      <Cell className="cell-subject" id={subjectId}>
        {subjectText(item.subject)}
        <WarningBadges warnings={item.warnings} />
      </Cell>
      <Cell className="cell-state">
        <StateBadge state={item.state} />
        {item.state === 'sending' && <UploadProgress itemId={item.id} compact />}
      </Cell>
      <Cell className="cell-num" column={t('column.attempts')} spoken={attemptsText(item)}>
        {attemptsText(item)}
      </Cell>
      <Cell className="cell-next" column={t('column.nextTry')} spoken={next} title={next}>
        {next}
      </Cell>
      <Cell className={`cell-reply${item.error ? ' has-error' : ''}`} column={t('column.lastReply')} spoken={reply} title={reply}>
        {reply}
      </Cell>
      <span className="cell cell-actions">
        {actions.retry && (
          <RowButton
            label={t('outbox.retry')}
            blockedReason={null}
            busy={pending !== undefined}
            describedBy={subjectId}
            reasonId={`retry-reason-${item.id}`}
            onRun={() => retryItem(api, item.id)}
          />
        )}
        <RowButton
          label={t('outbox.edit')}
          blockedReason={actions.edit.kind === 'blocked' ? actions.edit.reason : null}
          busy={pending !== undefined}
          describedBy={subjectId}
          reasonId={`edit-reason-${item.id}`}
          onRun={() => editItem(api, item.id)}
        />
        {/* A failed message has nothing left to cancel: Delete takes Cancel's place. */}
        {canDelete(item) ? (
          <RowButton
            label={t('outbox.delete')}
            blockedReason={null}
            busy={pending !== undefined}
            describedBy={subjectId}
            reasonId={`delete-reason-${item.id}`}
            onRun={() => deleteItem(api, item.id)}
          />
        ) : (
          <RowButton
            label={t('outbox.cancel')}
            blockedReason={actions.cancel.enabled ? null : actions.cancel.reason}
            busy={pending !== undefined}
            describedBy={subjectId}
            reasonId={`cancel-reason-${item.id}`}
            onRun={() => cancelItem(api, item.id)}
          />
        )}
      </span>
    </>
  );
});
