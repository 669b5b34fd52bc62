import { describe, expect, it } from 'vitest';
import { WaitingQueue } from './waiting-queue';

describe('WaitingQueue', () => {
  it('gives each account its due entries oldest first, arrival order breaking ties, and skips what is in flight', () => {
    const queue = new WaitingQueue();
    queue.put('late', 'a', 300);
    queue.put('first', 'a', 100);
    queue.put('second', 'a', 100);
    queue.put('other', 'b', 50);
    expect(queue.accounts().sort()).toEqual(['a', 'b']);
    expect(queue.dueFor('a', 200, 5, () => false).map((e) => e.id)).toEqual(['first', 'second']);
    expect(queue.dueFor('a', 300, 2, (id) => id === 'first').map((e) => e.id)).toEqual(['second', 'late']);
    expect(queue.nextAfter(100)).toBe(300);
    expect(queue.nextAfter(300)).toBeNull();
  });

  it('follows state changes: a rescheduled item moves, an item that is no longer waiting leaves', () => {
    const queue = new WaitingQueue();
    queue.put('x', 'a', 100);
    queue.put('y', 'a', 200);
    queue.follow({ id: 'x', accountId: 'a', state: 'deferred', notBefore: 500 });
    expect(queue.dueFor('a', 1000, 5, () => false).map((e) => e.id)).toEqual(['y', 'x']);
    queue.follow({ id: 'y', accountId: 'a', state: 'sending', notBefore: 200 });
    queue.delete('x');
    expect(queue.size).toBe(0);
    expect(queue.accounts()).toEqual([]);
    expect(queue.nextAfter(0)).toBeNull();
  });

  it('keeps thousands of entries in order without rescanning them', () => {
    const queue = new WaitingQueue();
    for (let i = 0; i < 5000; i++) queue.put(`m${i}`, 'a', 1000 + (i % 7));
    const due = queue.dueFor('a', 1003, 5000, () => false);
    expect(due).toHaveLength(Math.ceil(5000 / 7) * 4 - 2);
    expect(due.every((e, i) => i === 0 || (due[i - 1] as typeof e).notBefore <= e.notBefore)).toBe(true);
  });
});
