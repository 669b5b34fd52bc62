import { describe, expect, it } from 'vitest';
import type { OutboxState, OutboxSummary, StateCounts } from '../../shared/model';
import { NO_COUNTS } from './outbox';
import { applyChange, compareRows, mergeWindow, queryTotal, toSummary, type OutboxWindow } from './outbox-logic';
import { makeItem } from './test-fixtures';

/** Item n: created at n, so a bigger n sorts first. */
const row = (n: number, state: OutboxState = 'queued', updatedAt = n): OutboxSummary =>
  toSummary(makeItem({ id: `item-${String(n).padStart(4, '0')}`, state, createdAt: n, updatedAt }));
const ids = (list: OutboxWindow | null) => list?.rows.map((r) => r.id) ?? [];
const outbox = (offset: number, rows: OutboxSummary[]): OutboxWindow => ({ view: 'outbox', filter: 'all', offset, rows });
const counts = (over: Partial<StateCounts>): StateCounts => ({ ...NO_COUNTS, ...over });

describe('applyChange: a row in the window', () => {
  it('replaces it in place and moves the counts from its old state to its new one', () => {
    const list = outbox(0, [row(3), row(2), row(1)]);
    const applied = applyChange(list, counts({ queued: 3 }), 'queued', 'item-0002', row(2, 'sending', 10));
    expect(ids(applied.list)).toEqual(['item-0003', 'item-0002', 'item-0001']);
    expect(applied.list?.rows[1]?.state).toBe('sending');
    expect(applied.counts).toEqual(counts({ queued: 2, sending: 1 }));
    expect(applied.refetch).toBe(false);
  });

  it('drops it when it leaves the list (sent leaves the Outbox; a filter keeps its one state)', () => {
    const sent = applyChange(outbox(0, [row(3), row(2)]), counts({ queued: 2 }), 'queued', 'item-0003', row(3, 'sent', 10));
    expect(ids(sent.list)).toEqual(['item-0002']);
    expect(sent.counts).toEqual(counts({ queued: 1, sent: 1 }));
    const filtered: OutboxWindow = { view: 'outbox', filter: 'queued', offset: 0, rows: [row(3), row(2)] };
    expect(ids(applyChange(filtered, counts({ queued: 2 }), 'queued', 'item-0002', row(2, 'sending', 10)).list)).toEqual(['item-0003']);
  });

  it('ignores a copy older than the row', () => {
    const list = outbox(0, [row(2, 'sending', 10)]);
    const applied = applyChange(list, counts({ sending: 1 }), 'sending', 'item-0002', row(2, 'queued', 5));
    expect(applied.list).toBe(list);
    expect(applied.counts).toEqual(counts({ sending: 1 }));
  });

  it('removes a deleted row and its count', () => {
    const applied = applyChange({ view: 'sent', filter: 'all', offset: 0, rows: [row(2, 'sent'), row(1, 'sent')] }, counts({ sent: 2 }), 'sent', 'item-0002', null);
    expect(ids(applied.list)).toEqual(['item-0001']);
    expect(applied.counts).toEqual(counts({ sent: 1 }));
    expect(applied.refetch).toBe(false);
  });

  it('moves a Drafts row to the top when it changes again', () => {
    const list: OutboxWindow = { view: 'drafts', filter: 'all', offset: 0, rows: [row(1, 'cancelled', 50), row(2, 'cancelled', 40)] };
    expect(ids(applyChange(list, counts({ cancelled: 2 }), 'cancelled', 'item-0002', row(2, 'cancelled', 60)).list)).toEqual(['item-0002', 'item-0001']);
  });
});

describe('applyChange: an item not in the window', () => {
  it('puts a new message at the top of a window that starts at the top; the counts are asked again (its state before is unknown)', () => {
    const applied = applyChange(outbox(0, [row(3), row(2)]), counts({ queued: 2 }), undefined, 'item-0009', row(9));
    expect(ids(applied.list)).toEqual(['item-0009', 'item-0003', 'item-0002']);
    expect(applied.counts).toEqual(counts({ queued: 2 }));
    expect(applied.refetch).toBe(true);
  });

  it('places an item that enters the list between loaded rows, counting it when its state before is known', () => {
    const applied = applyChange(outbox(0, [row(5), row(2)]), counts({ queued: 2, cancelled: 1 }), 'cancelled', 'item-0003', row(3, 'queued', 9));
    expect(ids(applied.list)).toEqual(['item-0005', 'item-0003', 'item-0002']);
    expect(applied.counts).toEqual(counts({ queued: 3 }));
    expect(applied.refetch).toBe(false);
  });

  it('asks again when an item enters above a window further down the list (every row moves down one)', () => {
    const list = outbox(150, [row(3), row(2)]);
    const applied = applyChange(list, counts({ queued: 152, cancelled: 1 }), 'cancelled', 'item-0009', row(9, 'queued', 10));
    expect(applied.list).toBe(list);
    expect(applied.refetch).toBe(true);
  });

  it('leaves the rows alone when an item enters below a window that does not reach the end', () => {
    const list = outbox(0, [row(9), row(8)]);
    const applied = applyChange(list, counts({ queued: 100, cancelled: 1 }), 'cancelled', 'item-0001', row(1, 'queued', 10));
    expect(applied.list).toBe(list);
    expect(applied.counts?.queued).toBe(101);
    expect(applied.refetch).toBe(false);
  });

  it('appends an item below the last row when the window reaches the end of the list', () => {
    const applied = applyChange(outbox(0, [row(9), row(8)]), counts({ queued: 2, cancelled: 1 }), 'cancelled', 'item-0001', row(1, 'queued', 10));
    expect(ids(applied.list)).toEqual(['item-0009', 'item-0008', 'item-0001']);
  });

  it('changes only the counts for an item of another list, or a state change inside the list outside the window', () => {
    const list = outbox(0, [row(9)]);
    const other = applyChange(list, counts({ queued: 1, sent: 4 }), 'sent', 'item-0001', row(1, 'sent', 10));
    expect(other).toEqual({ list, counts: counts({ queued: 1, sent: 4 }), refetch: false });
    const inside = applyChange(list, counts({ queued: 5 }), 'queued', 'item-0001', row(1, 'sending', 10));
    expect(inside.list).toBe(list);
    expect(inside.counts).toEqual(counts({ queued: 4, sending: 1 }));
  });

  it('asks again when an item leaves the list from outside a window further down', () => {
    expect(applyChange(outbox(50, [row(3)]), counts({ queued: 60 }), 'queued', 'item-0100', row(100, 'sent', 10)).refetch).toBe(true);
    expect(applyChange(outbox(0, [row(300)]), counts({ queued: 60 }), 'queued', 'item-0100', row(100, 'sent', 10)).refetch).toBe(false);
  });

  it('with no window, keeps the counts for the sidebar', () => {
    const applied = applyChange(null, counts({ queued: 1 }), 'queued', 'item-0001', row(1, 'sent', 10));
    expect(applied).toEqual({ list: null, counts: counts({ sent: 1 }), refetch: false });
  });
});

describe('mergeWindow', () => {
  it('keeps a row an event made newer than the answer, and drops one that left the list since', () => {
    const current = outbox(0, [row(3, 'sending', 20), row(2, 'sent', 20)]);
    const incoming = outbox(0, [row(3, 'queued', 10), row(2, 'queued', 10), row(1, 'queued', 10)]);
    const merged = mergeWindow(incoming, current);
    expect(merged.rows.map((r) => [r.id, r.state])).toEqual([
      ['item-0003', 'sending'],
      ['item-0001', 'queued'],
    ]);
  });

  it('takes another list’s answer whole', () => {
    const incoming: OutboxWindow = { view: 'sent', filter: 'all', offset: 0, rows: [row(1, 'sent')] };
    expect(mergeWindow(incoming, outbox(0, [row(3, 'queued', 20)]))).toBe(incoming);
  });
});

describe('order and totals', () => {
  it('sorts like the core: newest first, Drafts by last change, ids breaking ties', () => {
    const a = row(1);
    const b = { ...row(1), id: 'item-000b' };
    expect(compareRows('outbox', a, b)).toBe(-compareRows('outbox', b, a));
    expect(compareRows('outbox', row(2), row(1))).toBeLessThan(0);
    expect(compareRows('drafts', row(1, 'cancelled', 9), row(2, 'cancelled', 3))).toBeLessThan(0);
  });

  it('adds up a list’s total from the counts', () => {
    const c = counts({ queued: 1, sending: 2, deferred: 3, failed: 4, sent: 5, cancelled: 6 });
    expect(queryTotal(c, { view: 'outbox', filter: 'all' })).toBe(10);
    expect(queryTotal(c, { view: 'outbox', filter: 'failed' })).toBe(4);
    expect(queryTotal(c, { view: 'sent', filter: 'all' })).toBe(5);
    expect(queryTotal(c, { view: 'drafts', filter: 'all' })).toBe(6);
  });

  it('a summary carries no body', () => {
    const summary = toSummary(makeItem({ text: 'long body', html: '<p>long body</p>' }));
    expect(summary).not.toHaveProperty('text');
    expect(summary).not.toHaveProperty('html');
    expect(summary).not.toHaveProperty('threading');
  });
});
