/** A row of Drafts for a message cancelled back out of the queue, intact, ready to edit or delete. */
import { memo } from 'react';
import type { OutboxItem } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { Cell } from '../list/Cell';
import { RowButton } from '../list/RowButton';
import { StateBadge } from '../list/StateBadge';
import { deleteItem } from '../outbox/delete';
import { editItem } from '../outbox/edit';
import { recipientsText, subjectText } from '../outbox/format';

export const CancelledRow = memo(function CancelledRow({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const api = useApi();
  const pending = useOutboxStore((s) => s.pending[item.id]);
  const subjectId = `row-subject-${item.id}`;
  const recipients = recipientsText(item.recipients);
  const when = formatWhen(item.updatedAt, Date.now());
  return (
    <>
      <Cell className="cell-recipients" title={recipients}>
        {recipients}
      </Cell>
      <Cell className="cell-subject" id={subjectId}>
        {subjectText(item.subject)}
      </Cell>
      <Cell className="cell-state">
        <StateBadge state={item.state} />
      </Cell>
      <Cell className="cell-time" column={t('column.changedAt')} spoken={when}>
        {when}
      </Cell>
      <span className="cell cell-actions">
        <RowButton
          label={t('outbox.edit')}
          blockedReason={null}
          busy={pending !== undefined}
          describedBy={subjectId}
          reasonId={`edit-reason-${item.id}`}
          onRun={() => editItem(api, item.id)}
        />
        <RowButton
          label={t('outbox.delete')}
          blockedReason={null}
          busy={pending !== undefined}
          describedBy={subjectId}
          reasonId={`delete-reason-${item.id}`}
          onRun={() => deleteItem(api, item.id)}
        />
      </span>
    </>
  );
});
