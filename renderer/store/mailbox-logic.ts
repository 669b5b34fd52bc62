/**
 * Which mailbox each item belongs to, and the lists and counts the sidebar
 * and the list pane show. Pure, and linear in the number of items, so 10,000
 * items cost a few milliseconds per change.
 */
import { OUTBOX_STATES, type Draft, type OutboxItem, type OutboxState } from '../../shared/model';

export type Mailbox = 'drafts' | 'outbox' | 'sent';
/** 'mail': a folder of a receiving account, or search results (reader store). */
export type View = Mailbox | 'mail' | 'sandbox' | 'settings';
export const VIEWS: readonly View[] = ['drafts', 'outbox', 'sent', 'mail', 'sandbox', 'settings'];

/** A cancelled message goes back to Drafts; everything not yet accepted by the server is in the Outbox. */
const MAILBOX_OF: Readonly<Record<OutboxState, Mailbox>> = {
  cancelled: 'drafts',
  queued: 'outbox',
  sending: 'outbox',
  deferred: 'outbox',
  failed: 'outbox',
  sent: 'sent',
};

export const mailboxOf = (state: OutboxState): Mailbox => MAILBOX_OF[state];

export const OUTBOX_FILTERS = ['all', 'queued', 'sending', 'deferred', 'failed'] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];

export interface ListOptions {
  filter?: OutboxFilter;
  /** Drafts and failures the user has since sent again in an edited version: no longer shown. */
  superseded?: Readonly<Record<string, true>>;
}

export function itemsIn(items: readonly OutboxItem[], mailbox: Mailbox, options: ListOptions = {}): OutboxItem[] {
  const { filter = 'all', superseded = {} } = options;
  return items.filter(
    (item) =>
      MAILBOX_OF[item.state] === mailbox &&
      (mailbox !== 'outbox' || filter === 'all' || item.state === filter) &&
      superseded[item.id] !== true,
  );
}

export type StateCounts = Record<OutboxState, number>;

export function countStates(items: readonly OutboxItem[], superseded: Readonly<Record<string, true>> = {}): StateCounts {
  const counts = Object.fromEntries(OUTBOX_STATES.map((state) => [state, 0])) as StateCounts;
  for (const item of items) if (superseded[item.id] !== true) counts[item.state]++;
  return counts;
}

/** The Outbox's live count: every message not yet accepted by the server. */
export const unsentCount = (counts: StateCounts): number => counts.queued + counts.sending + counts.deferred + counts.failed;

/** Drafts' count: saved drafts and messages cancelled back out of the queue. */
export const draftCount = (counts: StateCounts, savedDrafts = 0): number => counts.cancelled + savedDrafts;

/** How many messages are in the given outbox filter. */
export const filterCount = (counts: StateCounts, filter: OutboxFilter): number => (filter === 'all' ? unsentCount(counts) : counts[filter]);

/** A row of Drafts: a saved draft, or a message cancelled back out of the queue. */
export type DraftsEntry =
  | { kind: 'draft'; id: string; updatedAt: number; draft: Draft }
  | { kind: 'item'; id: string; updatedAt: number; item: OutboxItem };

/** Drafts' rows, most recently changed first. */
export function draftsEntries(drafts: readonly Draft[], items: readonly OutboxItem[], superseded: Readonly<Record<string, true>> = {}): DraftsEntry[] {
  const entries: DraftsEntry[] = drafts.map((draft) => ({ kind: 'draft', id: draft.id, updatedAt: draft.updatedAt, draft }));
  for (const item of itemsIn(items, 'drafts', { superseded })) entries.push({ kind: 'item', id: item.id, updatedAt: item.updatedAt, item });
  return entries.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}
