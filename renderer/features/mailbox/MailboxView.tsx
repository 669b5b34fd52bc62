/**
 * A mailbox (Drafts, Outbox or Sent): its list on top, the selected message's
 * details below. The list is a view of the core's items, filtered here.
 */
import { useCallback, useMemo } from 'react';
import type { OutboxItem } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/t';
import { countStates, itemsIn, type Mailbox } from '../../store/mailbox-logic';
import { useOutboxStore } from '../../store/outbox';
import { useSupersededStore } from '../../store/superseded';
import { useUiStore } from '../../store/ui';
import { MessageDetail } from '../detail/MessageDetail';
import { VirtualList } from '../list/VirtualList';
import { ColumnHeader } from './columns';
import { DraftRow } from './DraftRow';
import { OutboxRow } from './OutboxRow';
import { SentRow } from './SentRow';
import { StateFilter } from './StateFilter';

const ROW_HEIGHT = 44;

const CONFIG: Record<Mailbox, { title: MessageKey; empty: MessageKey; Row: (props: { item: OutboxItem }) => React.ReactNode }> = {
  outbox: { title: 'outbox.title', empty: 'outbox.empty', Row: OutboxRow },
  sent: { title: 'sent.title', empty: 'sent.empty', Row: SentRow },
  drafts: { title: 'drafts.title', empty: 'drafts.empty', Row: DraftRow },
};

export function MailboxView({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useT();
  const items = useOutboxStore((s) => s.items);
  const selectedId = useOutboxStore((s) => s.selectedId);
  const select = useOutboxStore((s) => s.select);
  const loadError = useOutboxStore((s) => s.loadError);
  const superseded = useSupersededStore((s) => s.ids);
  const filter = useUiStore((s) => s.outboxFilter);
  const shown = useMemo(() => itemsIn(items, mailbox, { filter, superseded }), [items, mailbox, filter, superseded]);
  const counts = useMemo(() => (mailbox === 'outbox' ? countStates(items, superseded) : null), [items, mailbox, superseded]);
  const { title, empty, Row } = CONFIG[mailbox];
  const renderRow = useCallback((item: OutboxItem) => <Row item={item} />, [Row]);
  const rowClassName = useCallback((item: OutboxItem) => `row-${item.state}`, []);
  const filtered = mailbox === 'outbox' && filter !== 'all';

  return (
    <div className="mailbox" data-view-root>
      <section className="list-pane" aria-labelledby="view-title">
        <header className="pane-head">
          <h2 id="view-title" className="pane-title" tabIndex={-1}>
            {t(title)}
          </h2>
          {counts && <StateFilter counts={counts} />}
        </header>
        {loadError && <p className="panel-error">{loadError}</p>}
        <VirtualList
          label={t(title)}
          items={shown}
          rowHeight={ROW_HEIGHT}
          selectedId={selectedId}
          onSelect={select}
          columnsClass={`cols-${mailbox}`}
          header={<ColumnHeader mailbox={mailbox} />}
          empty={<p className="muted">{filtered ? t('outbox.emptyFiltered') : t(empty)}</p>}
          rowClassName={rowClassName}
          renderRow={renderRow}
        />
      </section>
      <MessageDetail />
    </div>
  );
}
