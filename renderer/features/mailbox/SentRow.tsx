/** A row of Sent: who, what, when the server took it, per-recipient results, receipts, and Delete. */
import { memo } from 'react';
import type { OutboxSummary } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { useOutboxStore } from '../../store/outbox';
import { Cell } from '../list/Cell';
import { deliverySummary, recipientsText } from '../outbox/format';
import { trackingSummary } from '../tracking/tracking-logic';
import { deleteButton } from './item-buttons';
import { MailboxRow } from './MailboxRow';

export const SentRow = memo(function SentRow({ item }: { item: OutboxSummary }) {
  const { t } = useT();
  const api = useApi();
  const busy = useOutboxStore((s) => s.pending[item.id] !== undefined);
  const receipts = trackingSummary(item);
  return (
    <MailboxRow id={item.id} recipients={recipientsText(item.recipients)} subject={item.subject} busy={busy} actions={[deleteButton(api, item.id)]}>
      <Cell className="cell-time" column={t('column.sentAt')}>
        {item.sentAt === null ? t('outbox.none') : formatWhen(item.sentAt, Date.now())}
      </Cell>
      <Cell className={`cell-delivery${item.recipients.some((r) => r.state === 'rejected') ? ' has-error' : ''}`} column={t('column.delivery')}>
        {deliverySummary(item.recipients)}
      </Cell>
      <Cell className="cell-receipts" column={t('column.receipts')} spoken={receipts.text}>
        <span className={receipts.tone === 'none' ? (item.warnings.includes('NO_DSN_SUPPORT') ? 'badge badge-NO_DSN_SUPPORT' : undefined) : `tracking-tone-${receipts.tone}`}>{receipts.text}</span>
      </Cell>
    </MailboxRow>
  );
});
