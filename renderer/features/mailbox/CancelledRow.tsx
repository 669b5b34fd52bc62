/** A row of Drafts for a message cancelled back out of the queue, intact, ready to edit or delete. */
import { memo } from 'react';
import type { OutboxSummary } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { Cell } from '../list/Cell';
import { StateBadge } from '../list/StateBadge';
import { recipientsText } from '../outbox/format';
import { deleteButton, editButton } from './item-buttons';
import { MailboxRow } from './MailboxRow';

export const CancelledRow = memo(function CancelledRow({ item }: { item: OutboxSummary }) {
  const { t } = useT();
  const api = useApi();
  const busy = useOutboxStore((s) => s.pending[item.id] !== undefined);
  return (
    <MailboxRow
      id={item.id}
      recipients={recipientsText(item.recipients)}
      subject={item.subject}
      busy={busy}
      actions={[editButton(api, item.id), deleteButton(api, item.id)]}
    >
      <Cell className="cell-state">
        <StateBadge state={item.state} />
      </Cell>
      <Cell className="cell-time" column={t('column.changedAt')}>
        {formatWhen(item.updatedAt, Date.now())}
      </Cell>
    </MailboxRow>
  );
});
