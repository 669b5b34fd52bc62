import { describe, expect, it } from 'vitest';
import { OUTBOX_STATES } from '../../shared/model';
import { draftCount, draftsEntries, filterCount, mailboxOf, unsentCount } from './mailbox-logic';
import { NO_COUNTS } from './outbox';
import { makeDraft, makeItem } from './test-fixtures';

describe('mailboxOf', () => {
  it('puts cancelled messages in Drafts, unsent ones in the Outbox, sent ones in Sent', () => {
    expect(OUTBOX_STATES.map(mailboxOf)).toEqual(['outbox', 'outbox', 'outbox', 'sent', 'outbox', 'drafts']);
  });
});

describe('counts', () => {
  const counts = { ...NO_COUNTS, queued: 1, sending: 1, deferred: 1, failed: 0, sent: 7, cancelled: 1 };
  it('adds up the Outbox and its filters from the core’s counts', () => {
    expect(unsentCount(counts)).toBe(3);
    expect(filterCount(counts, 'all')).toBe(3);
    expect(filterCount(counts, 'queued')).toBe(1);
    expect(filterCount(counts, 'failed')).toBe(0);
  });
  it('counts saved drafts in the Drafts count', () => {
    expect(draftCount(counts, 3)).toBe(4);
  });
});

describe('draftsEntries', () => {
  it('lists saved drafts and cancelled messages together, most recent first, without superseded ones', () => {
    const drafts = [makeDraft({ id: 'draft-old', updatedAt: 5 }), makeDraft({ id: 'draft-new', updatedAt: 50 })];
    const cancelled = [makeItem({ id: 'item-gone', state: 'cancelled', updatedAt: 30 }), makeItem({ id: 'item-can', state: 'cancelled', updatedAt: 20 })];
    const entries = draftsEntries(drafts, cancelled, { 'item-gone': true });
    expect(entries.map((e) => `${e.kind}:${e.id}`)).toEqual(['draft:draft-new', 'item:item-can', 'draft:draft-old']);
  });
});
