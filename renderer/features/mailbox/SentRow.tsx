/** A row of Sent: who, what, when the server took it, per-recipient results, receipts, and Delete. */
import { memo } from 'react';
import type { OutboxItem } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { Cell } from '../list/Cell';
import { deliverySummary, receiptsText, recipientsText } from '../outbox/format';
import { deleteButton } from './item-buttons';
import { MailboxRow } from './MailboxRow';

export const SentRow = memo(function SentRow({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const api = useApi();
  const busy = useOutboxStore((s) => s.pending[item.id] !== undefined);
  const receipts = receiptsText(item);
  const noDsn = item.warnings.includes('NO_DSN_SUPPORT');
  return (
    <MailboxRow id={item.id} recipients={recipientsText(item.recipients)} subject={item.subject} busy={busy} actions={[deleteButton(api, item.id)]}>
      <Cell className="cell-time" column={t('column.sentAt')}>
        {item.sentAt === null ? t('outbox.none') : formatWhen(item.sentAt, Date.now())}
      </Cell>
      <Cell className={`cell-delivery${item.recipients.some((r) => r.state === 'rejected') ? ' has-error' : ''}`} column={t('column.delivery')}>
        {deliverySummary(item.recipients)}
      </Cell>
      <Cell className="cell-receipts" column={t('column.receipts')} spoken={receipts}>
        <span className={noDsn ? 'badge badge-NO_DSN_SUPPORT' : undefined}>{receipts}</span>
      </Cell>
    </MailboxRow>
  );
});
