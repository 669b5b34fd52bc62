/** A row of Drafts: a cancelled message, intact, ready to edit. */
import { memo } from 'react';
import type { OutboxItem } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { Cell } from '../list/Cell';
import { RowButton } from '../list/RowButton';
import { StateBadge } from '../list/StateBadge';
import { editItem } from '../outbox/edit';
import { recipientsText, subjectText } from '../outbox/format';

export const DraftRow = memo(function DraftRow({ item }: { item: OutboxItem }) {
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
      <Cell className="cell-time" column={t('column.cancelledAt')} spoken={when}>
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
      </span>
    </>
  );
});
