import { describe, expect, it } from 'vitest';
import { OUTBOX_STATES } from '../../shared/model';
import { countStates, draftCount, draftsEntries, filterCount, itemsIn, mailboxOf, unsentCount } from './mailbox-logic';
import { makeDraft, makeItem } from './test-fixtures';

const items = OUTBOX_STATES.map((state, i) => makeItem({ id: `item-000${i}`, state }));
const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe('mailboxOf', () => {
  it('puts cancelled messages in Drafts, unsent ones in the Outbox, sent ones in Sent', () => {
    expect(OUTBOX_STATES.map(mailboxOf)).toEqual(['outbox', 'outbox', 'outbox', 'sent', 'outbox', 'drafts']);
  });
});

describe('itemsIn', () => {
  it('lists a mailbox, keeping the order', () => {
    expect(itemsIn(items, 'outbox').map((i) => i.state)).toEqual(['queued', 'sending', 'deferred', 'failed']);
    expect(itemsIn(items, 'drafts').map((i) => i.state)).toEqual(['cancelled']);
    expect(itemsIn(items, 'sent').map((i) => i.state)).toEqual(['sent']);
  });
  it('filters the outbox by state', () => {
    expect(itemsIn(items, 'outbox', { filter: 'failed' }).map((i) => i.state)).toEqual(['failed']);
    expect(itemsIn(items, 'sent', { filter: 'failed' })).toHaveLength(1);
  });
  it('hides superseded items', () => {
    expect(ids(itemsIn(items, 'drafts'))).toEqual(['item-0005']);
    expect(ids(itemsIn(items, 'drafts', { superseded: { 'item-0005': true } }))).toEqual([]);
  });
});

describe('counts', () => {
  it('counts by state, leaving superseded items out', () => {
    const counts = countStates(items, { 'item-0004': true });
    expect(unsentCount(counts)).toBe(3);
    expect(draftCount(counts)).toBe(1);
    expect(filterCount(counts, 'all')).toBe(3);
    expect(filterCount(counts, 'queued')).toBe(1);
    expect(filterCount(counts, 'failed')).toBe(0);
  });
  // Its speed is measured by the 10,000-item outbox bench (npm run bench), not by a timer here that flakes on a busy machine.
  it('counts and filters 10,000 items exactly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => makeItem({ id: `item-${String(i).padStart(5, '0')}`, state: OUTBOX_STATES[i % OUTBOX_STATES.length] }));
    const counts = countStates(many);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10_000);
    const deferred = itemsIn(many, 'outbox', { filter: 'deferred' });
    expect(deferred).toHaveLength(counts.deferred);
    expect(deferred.every((item) => item.state === 'deferred')).toBe(true);
  });
});

describe('draftsEntries', () => {
  it('lists saved drafts and cancelled messages together, most recent first', () => {
    const drafts = [makeDraft({ id: 'draft-old', updatedAt: 5 }), makeDraft({ id: 'draft-new', updatedAt: 50 })];
    const list = [makeItem({ id: 'item-can', state: 'cancelled', updatedAt: 20 }), makeItem({ id: 'item-q', state: 'queued', updatedAt: 99 }), makeItem({ id: 'item-gone', state: 'cancelled', updatedAt: 30 })];
    const entries = draftsEntries(drafts, list, { 'item-gone': true });
    expect(entries.map((e) => `${e.kind}:${e.id}`)).toEqual(['draft:draft-new', 'item:item-can', 'draft:draft-old']);
  });
  it('counts saved drafts in the Drafts count', () => {
    expect(draftCount(countStates(items), 3)).toBe(4);
  });
});
