import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { fakeApi, resetStores } from '../../app/fake-api';
import { useOutboxStore } from '../../store/outbox';
import { makeItem } from '../../store/test-fixtures';
import { retryItem } from './retry';

beforeEach(resetStores);

describe('retryItem', () => {
  it('calls outbox.retry and applies the re-queued item', async () => {
    const deferred = makeItem({ state: 'deferred', attempts: 1, updatedAt: 1, error: { code: 'TIMEOUT', message: 'timed out' } });
    const queued = { ...deferred, state: 'queued' as const, error: null, updatedAt: 2 };
    const fake = fakeApi({ 'outbox.retry': () => ok(queued) });
    useOutboxStore.getState().upsert(deferred);
    expect(await retryItem(fake.api, deferred.id)).toBe(true);
    expect(fake.calls).toEqual([{ name: 'outbox.retry', request: { id: deferred.id } }]);
    expect(useOutboxStore.getState().items[0]?.state).toBe('queued');
    expect(useOutboxStore.getState().retrying).toEqual({});
  });

  it('shows why retry failed', async () => {
    const fake = fakeApi({ 'outbox.retry': () => err('ILLEGAL_STATE', 'The message is sending.') });
    useOutboxStore.getState().upsert(makeItem({ state: 'failed' }));
    expect(await retryItem(fake.api, 'item-0001')).toBe(false);
    expect(useOutboxStore.getState().retryErrors['item-0001']).toBe('Could not retry: The message is sending.');
    expect(useOutboxStore.getState().items[0]?.state).toBe('failed');
  });

  it('ignores a second click while the first is in flight, and clears an old error', async () => {
    let release: () => void = () => {};
    const fake = fakeApi({
      'outbox.retry': () => new Promise((resolve) => (release = () => resolve(ok(makeItem({ state: 'queued', updatedAt: 9 }))))),
    });
    useOutboxStore.getState().setRetryError('item-0001', 'old');
    const first = retryItem(fake.api, 'item-0001');
    expect(useOutboxStore.getState().retryErrors).toEqual({});
    expect(await retryItem(fake.api, 'item-0001')).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(fake.calls).toHaveLength(1);
  });

  it('turns a thrown transport error into a shown failure', async () => {
    const fake = fakeApi({
      'outbox.retry': () => {
        throw new Error('channel closed');
      },
    });
    expect(await retryItem(fake.api, 'item-0001')).toBe(false);
    expect(useOutboxStore.getState().retryErrors['item-0001']).toBe('Could not retry: channel closed');
  });
});
