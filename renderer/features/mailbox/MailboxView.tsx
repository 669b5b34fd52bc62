/**
 * A mailbox (Drafts, Outbox or Sent): its list on top, the selected message's
 * details below. The list is as long as the core counts it, and only the
 * window around the rows on screen is loaded (outbox-list-actions.ts); Drafts
 * lists its cancelled items with the saved drafts.
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import type { OutboxSummary } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/t';
import { draftsEntries, type DraftsEntry, type Mailbox } from '../../store/mailbox-logic';
import { queryTotal, sameQuery } from '../../store/outbox-logic';
import type { IndexRange } from '../list/row-window-logic';
import { ensureOutboxRows } from '../outbox/outbox-list-actions';
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
  /** The rows loaded, from `offset` on, of `total`. */
  items: readonly T[];
  total?: number;
  offset?: number;
  onVisible?(range: IndexRange): void;
  empty: string;
  rowClassName(item: T): string;
  renderRow(item: T): ReactNode;
}

/** One selection serves all three lists: the details pane shows whichever message or draft it names. */
function Pane<T extends { id: string }>({ mailbox, header, items, total, offset, onVisible, empty, rowClassName, renderRow }: PaneProps<T>) {
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
          total={total}
          offset={offset}
          onVisible={onVisible}
          loadingRow={<span className="muted">{t('reader.loadingRow')}</span>}
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

const rowClassName = (item: OutboxSummary) => `row-${item.state}`;
const NO_ROWS: OutboxSummary[] = [];

function ItemsMailbox({ mailbox }: { mailbox: 'outbox' | 'sent' }) {
  const { t } = useT();
  const api = useApi();
  const stateFilter = useUiStore((s) => s.outboxFilter);
  const filter = mailbox === 'outbox' ? stateFilter : 'all';
  const list = useOutboxStore((s) => s.list);
  const counts = useOutboxStore((s) => s.counts);
  const query = useMemo(() => ({ view: mailbox, filter }), [mailbox, filter]);
  // Another list's rows (the answer for this one is on its way) are not shown.
  const shown = list && sameQuery(list, query) ? list : null;
  const rows = shown?.rows ?? NO_ROWS;
  const offset = shown?.offset ?? 0;
  const total = shown ? Math.max(counts ? queryTotal(counts, query) : 0, offset + rows.length) : 0;
  const onVisible = useCallback((range: IndexRange) => ensureOutboxRows(api, range), [api]);
  const Row = mailbox === 'outbox' ? OutboxRow : SentRow;
  const renderRow = useCallback((item: OutboxSummary) => <Row item={item} />, [Row]);
  const filtered = mailbox === 'outbox' && filter !== 'all';
  return (
    <Pane
      mailbox={mailbox}
      header={mailbox === 'outbox' && counts && <StateFilter counts={counts} />}
      items={rows}
      total={total}
      offset={offset}
      onVisible={onVisible}
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
  const list = useOutboxStore((s) => s.list);
  const cancelled = list?.view === 'drafts' ? list.rows : NO_ROWS;
  const drafts = useDraftsStore((s) => s.drafts);
  const superseded = useSupersededStore((s) => s.ids);
  const entries = useMemo(() => draftsEntries(drafts, cancelled, superseded), [drafts, cancelled, superseded]);
  return <Pane mailbox="drafts" items={entries} empty={t('drafts.empty')} rowClassName={draftsRowClassName} renderRow={renderDraftsEntry} />;
}

export function MailboxView({ mailbox }: { mailbox: Mailbox }) {
  return mailbox === 'drafts' ? <DraftsMailbox /> : <ItemsMailbox mailbox={mailbox} />;
}
