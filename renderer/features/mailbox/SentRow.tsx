/** A row of Sent: who, what, when the server took it, per-recipient results, receipts, and Delete. */
import { memo } from 'react';
import type { OutboxItem } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { Cell } from '../list/Cell';
import { RowButton } from '../list/RowButton';
import { deleteItem } from '../outbox/delete';
import { deliverySummary, receiptsText, recipientsText, subjectText } from '../outbox/format';

export const SentRow = memo(function SentRow({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const api = useApi();
  const pending = useOutboxStore((s) => s.pending[item.id]);
  const subjectId = `row-subject-${item.id}`;
  const recipients = recipientsText(item.recipients);
  const sentAt = item.sentAt === null ? t('outbox.none') : formatWhen(item.sentAt, Date.now());
  const delivery = deliverySummary(item.recipients);
  const receipts = receiptsText(item);
  const noDsn = item.warnings.includes('NO_DSN_SUPPORT');
  return (
    <>
      <Cell className="cell-recipients" title={recipients}>
        {recipients}
      </Cell>
      <Cell className="cell-subject" id={subjectId}>
        {subjectText(item.subject)}
      </Cell>
      <Cell className="cell-time" column={t('column.sentAt')} spoken={sentAt}>
        {sentAt}
      </Cell>
      <Cell className={`cell-delivery${item.recipients.some((r) => r.state === 'rejected') ? ' has-error' : ''}`} column={t('column.delivery')} spoken={delivery}>
        {delivery}
      </Cell>
      <Cell className="cell-receipts" column={t('column.receipts')} spoken={receipts}>
        <span className={noDsn ? 'badge badge-NO_DSN_SUPPORT' : undefined}>{receipts}</span>
      </Cell>
      <span className="cell cell-actions">
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
