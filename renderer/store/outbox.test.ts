import { beforeEach, describe, expect, it } from 'vitest';
import { resetStores } from '../app/fake-api';
import { NO_COUNTS, useOutboxStore } from './outbox';
import { toSummary } from './outbox-logic';
import { makeItem } from './test-fixtures';

beforeEach(resetStores);

const store = () => useOutboxStore.getState();

describe('the outbox store', () => {
  it('applies a change to a loaded row and the counts; an item it never saw marks the window stale', () => {
    const a = makeItem({ id: 'item-000a', createdAt: 2, updatedAt: 2 });
    store().setList({ view: 'outbox', filter: 'all', offset: 0, rows: [toSummary(a)] }, { ...NO_COUNTS, queued: 1 });
    store().upsert({ ...a, state: 'sending', updatedAt: 3 });
    expect(store().counts).toMatchObject({ queued: 0, sending: 1 });
    expect(store().stale).toBe(false);
    store().upsert(makeItem({ id: 'item-000b', createdAt: 1, updatedAt: 4, state: 'deferred' }));
    expect(store().stale).toBe(true);
    expect(store().list?.rows.map((r) => r.id)).toEqual(['item-000a', 'item-000b']);
    // The next answer is the truth again.
    store().setList({ view: 'outbox', filter: 'all', offset: 0, rows: [] }, NO_COUNTS);
    expect(store().stale).toBe(false);
  });

  it('keeps counting an item once heard of, though it is in no window', () => {
    store().setCounts({ ...NO_COUNTS, queued: 5 });
    const item = makeItem({ updatedAt: 1 });
    store().upsert(item);
    expect(store().stale).toBe(true);
    useOutboxStore.setState({ stale: false });
    store().upsert({ ...item, state: 'sent', updatedAt: 2 });
    expect(store().counts).toMatchObject({ queued: 4, sent: 1 });
    expect(store().stale).toBe(false);
  });

  it('shows a message just pushed as soon as it is selected, and keeps a newer copy than a slow outbox.get', () => {
    const item = makeItem({ text: 'Body', updatedAt: 5 });
    store().upsert(item);
    store().select(item.id);
    expect(store().detail).toEqual(item);
    store().setDetail({ ...item, state: 'queued', updatedAt: 1 });
    expect(store().detail?.updatedAt).toBe(5);
    store().select(null);
    expect(store().detail).toBeNull();
  });

  it('a deleted row leaves the window and its count', () => {
    const sent = makeItem({ state: 'sent' });
    store().setList({ view: 'sent', filter: 'all', offset: 0, rows: [toSummary(sent)] }, { ...NO_COUNTS, sent: 1 });
    store().select(sent.id);
    store().remove(sent.id);
    expect(store().list?.rows).toEqual([]);
    expect(store().counts?.sent).toBe(0);
    expect(store().selectedId).toBeNull();
  });
});
