/**
 * Which mailbox each item belongs to, and the counts the sidebar and the
 * list pane show (the core counts; outbox-logic.ts keeps them current).
 */
import type { Draft, OutboxState, OutboxSummary, StateCounts } from '../../shared/model';

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

export type { StateCounts } from '../../shared/model';

/** The Outbox's live count: every message not yet accepted by the server. */
export const unsentCount = (counts: StateCounts): number => counts.queued + counts.sending + counts.deferred + counts.failed;

/** Drafts' count: saved drafts and messages cancelled back out of the queue. */
export const draftCount = (counts: StateCounts, savedDrafts = 0): number => counts.cancelled + savedDrafts;

/** How many messages are in the given outbox filter. */
export const filterCount = (counts: StateCounts, filter: OutboxFilter): number => (filter === 'all' ? unsentCount(counts) : counts[filter]);

/** A row of Drafts: a saved draft, or a message cancelled back out of the queue. */
export type DraftsEntry =
  | { kind: 'draft'; id: string; updatedAt: number; draft: Draft }
  | { kind: 'item'; id: string; updatedAt: number; item: OutboxSummary };

/** Drafts' rows, most recently changed first: saved drafts and the loaded window of cancelled items. */
export function draftsEntries(drafts: readonly Draft[], cancelled: readonly OutboxSummary[], superseded: Readonly<Record<string, true>> = {}): DraftsEntry[] {
  const entries: DraftsEntry[] = drafts.map((draft) => ({ kind: 'draft', id: draft.id, updatedAt: draft.updatedAt, draft }));
  for (const item of cancelled) if (superseded[item.id] !== true) entries.push({ kind: 'item', id: item.id, updatedAt: item.updatedAt, item });
  return entries.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}
