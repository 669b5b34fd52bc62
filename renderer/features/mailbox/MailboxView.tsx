/**
 * A mailbox (Drafts, Outbox or Sent): its list on top, the selected message's
 * details below. The lists are views of the core's items (and, for Drafts,
 * its saved drafts), filtered here.
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import type { OutboxItem } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/t';
import { countStates, draftsEntries, itemsIn, type DraftsEntry, type Mailbox } from '../../store/mailbox-logic';
import { useDraftsStore } from '../../store/drafts';
import { useOutboxStore } from '../../store/outbox';
import { useSupersededStore } from '../../store/superseded';
import { useUiStore } from '../../store/ui';
import { MessageDetail } from '../detail/MessageDetail';
import { ViewTitle } from '../layout/ViewTitle';
import { VirtualList } from '../list/VirtualList';
import { CancelledRow } from './CancelledRow';
import { ColumnHeader } from './columns';
import { DraftRow } from './DraftRow';
import { OutboxRow } from './OutboxRow';
import { SentRow } from './SentRow';
import { StateFilter } from './StateFilter';

const ROW_HEIGHT = 36;

const TITLES: Record<Mailbox, { title: MessageKey; empty: MessageKey }> = {
  outbox: { title: 'outbox.title', empty: 'outbox.empty' },
  sent: { title: 'sent.title', empty: 'sent.empty' },
  drafts: { title: 'drafts.title', empty: 'drafts.empty' },
};

interface PaneProps<T extends { id: string }> {
  mailbox: Mailbox;
  header?: ReactNode;
  items: readonly T[];
  empty: string;
  rowClassName(item: T): string;
  renderRow(item: T): ReactNode;
}

/** One selection serves all three lists: the details pane shows whichever message or draft it names. */
function Pane<T extends { id: string }>({ mailbox, header, items, empty, rowClassName, renderRow }: PaneProps<T>) {
  const { t } = useT();
  const loadError = useOutboxStore((s) => s.loadError);
  const draftsError = useDraftsStore((s) => s.loadError);
  const selectedId = useOutboxStore((s) => s.selectedId);
  const select = useOutboxStore((s) => s.select);
  const error = mailbox === 'drafts' ? (draftsError ?? loadError) : loadError;
  const title = t(TITLES[mailbox].title);
  return (
    <div className="mailbox" data-view-root>
      <section className="list-pane" aria-labelledby="view-title">
        <header className="pane-head">
          <ViewTitle>{title}</ViewTitle>
          {header}
        </header>
        {error && <p className="panel-error">{error}</p>}
        <VirtualList
          label={title}
          items={items}
          rowHeight={ROW_HEIGHT}
          selectedId={selectedId}
          onSelect={select}
          columnsClass={`cols-${mailbox}`}
          header={<ColumnHeader mailbox={mailbox} />}
          empty={<p className="muted">{empty}</p>}
          rowClassName={rowClassName}
          renderRow={renderRow}
        />
      </section>
      <MessageDetail />
    </div>
  );
}

const rowClassName = (item: OutboxItem) => `row-${item.state}`;

function ItemsMailbox({ mailbox }: { mailbox: 'outbox' | 'sent' }) {
  const { t } = useT();
  const items = useOutboxStore((s) => s.items);
  const superseded = useSupersededStore((s) => s.ids);
  const filter = useUiStore((s) => s.outboxFilter);
  const shown = useMemo(() => itemsIn(items, mailbox, { filter, superseded }), [items, mailbox, filter, superseded]);
  const counts = useMemo(() => (mailbox === 'outbox' ? countStates(items, superseded) : null), [items, mailbox, superseded]);
  const Row = mailbox === 'outbox' ? OutboxRow : SentRow;
  const renderRow = useCallback((item: OutboxItem) => <Row item={item} />, [Row]);
  const filtered = mailbox === 'outbox' && filter !== 'all';
  return (
    <Pane
      mailbox={mailbox}
      header={counts && <StateFilter counts={counts} />}
      items={shown}
      empty={filtered ? t('outbox.emptyFiltered') : t(TITLES[mailbox].empty)}
      rowClassName={rowClassName}
      renderRow={renderRow}
    />
  );
}

const renderDraftsEntry = (entry: DraftsEntry) => (entry.kind === 'draft' ? <DraftRow draft={entry.draft} /> : <CancelledRow item={entry.item} />);
const draftsRowClassName = (entry: DraftsEntry) => (entry.kind === 'draft' ? 'row-saved' : `row-${entry.item.state}`);

function DraftsMailbox() {
  const { t } = useT();
  const items = useOutboxStore((s) => s.items);
  const drafts = useDraftsStore((s) => s.drafts);
  const superseded = useSupersededStore((s) => s.ids);
  const entries = useMemo(() => draftsEntries(drafts, items, superseded), [drafts, items, superseded]);
  return <Pane mailbox="drafts" items={entries} empty={t('drafts.empty')} rowClassName={draftsRowClassName} renderRow={renderDraftsEntry} />;
}

export function MailboxView({ mailbox }: { mailbox: Mailbox }) {
  return mailbox === 'drafts' ? <DraftsMailbox /> : <ItemsMailbox mailbox={mailbox} />;
}
