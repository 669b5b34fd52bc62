import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../shared/model';
import { compareNewestFirst, mergeItems, upsertItem } from './outbox-logic';
import { makeItem } from './test-fixtures';

const ids = (items: OutboxItem[]) => items.map((i) => i.id);

describe('upsertItem', () => {
  it('puts new items first when they are newer', () => {
    let items: OutboxItem[] = [];
    items = upsertItem(items, makeItem({ id: 'item-0001', createdAt: 1 }));
    items = upsertItem(items, makeItem({ id: 'item-0002', createdAt: 2 }));
    items = upsertItem(items, makeItem({ id: 'item-0000', createdAt: 0 }));
    expect(ids(items)).toEqual(['item-0002', 'item-0001', 'item-0000']);
  });

  it('replaces an item in place', () => {
    const a = makeItem({ id: 'item-000a', createdAt: 1 });
    const b = makeItem({ id: 'item-000b', createdAt: 2 });
    const items = [b, a];
    const sent = { ...a, state: 'sent' as const, updatedAt: a.updatedAt + 5 };
    const next = upsertItem(items, sent);
    expect(next).not.toBe(items);
    expect(next[1]).toBe(sent);
    expect(items[1]).toBe(a);
  });

  it('ignores a copy older than the one shown', () => {
    const current = makeItem({ id: 'item-0001', state: 'sent', updatedAt: 10 });
    const items = [current];
    expect(upsertItem(items, { ...current, state: 'sending', updatedAt: 9 })).toBe(items);
  });

  it('takes a copy with the same updatedAt (it arrived later)', () => {
    const current = makeItem({ id: 'item-0001', state: 'sending', updatedAt: 10 });
    const next = upsertItem([current], { ...current, state: 'sent', updatedAt: 10 });
    expect(next[0]?.state).toBe('sent');
  });
});

describe('mergeItems', () => {
  it('keeps event copies newer than the list response and sorts', () => {
    const fromEvent = makeItem({ id: 'item-0001', createdAt: 1, state: 'sent', updatedAt: 20 });
    const listed = [
      makeItem({ id: 'item-0001', createdAt: 1, state: 'sending', updatedAt: 10 }),
      makeItem({ id: 'item-0002', createdAt: 5 }),
    ];
    const merged = mergeItems([fromEvent], listed);
    expect(ids(merged)).toEqual(['item-0002', 'item-0001']);
    expect(merged[1]?.state).toBe('sent');
  });
});

describe('compareNewestFirst', () => {
  it('breaks createdAt ties by id, consistently', () => {
    const a = makeItem({ id: 'item-000a', createdAt: 1 });
    const b = makeItem({ id: 'item-000b', createdAt: 1 });
    expect(compareNewestFirst(a, b)).toBe(-compareNewestFirst(b, a));
    expect(compareNewestFirst(a, a)).toBe(0);
  });
});
