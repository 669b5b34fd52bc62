import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { fakeApi, resetStores } from '../../app/fake-api';
import { useOutboxStore } from '../../store/outbox';
import { makeItem } from '../../store/test-fixtures';
import { cancelItem } from './cancel';

beforeEach(resetStores);

describe('cancelItem', () => {
  it('applies the cancelled item the core returns', async () => {
    const queued = makeItem({ state: 'queued', updatedAt: 1 });
    const cancelled = { ...queued, state: 'cancelled' as const, updatedAt: 2 };
    const fake = fakeApi({ 'outbox.abort': () => ok(cancelled) });
    useOutboxStore.getState().upsert(queued);
    expect(await cancelItem(fake.api, queued.id)).toBe(true);
    expect(fake.calls).toEqual([{ name: 'outbox.abort', request: { id: queued.id } }]);
    expect(useOutboxStore.getState().items[0]?.state).toBe('cancelled');
    expect(useOutboxStore.getState().cancelling).toEqual({});
  });

  it('shows why cancel failed', async () => {
    const fake = fakeApi({ 'outbox.abort': () => err('TOO_LATE', 'The message has been handed to the server.') });
    useOutboxStore.getState().upsert(makeItem());
    expect(await cancelItem(fake.api, 'item-0001')).toBe(false);
    expect(useOutboxStore.getState().cancelErrors['item-0001']).toBe('Could not cancel: The message has been handed to the server.');
  });

  it('clears an old error when trying again', async () => {
    const fake = fakeApi({ 'outbox.abort': () => ok(makeItem({ state: 'cancelled', updatedAt: 5 })) });
    useOutboxStore.getState().setCancelError('item-0001', 'old');
    await cancelItem(fake.api, 'item-0001');
    expect(useOutboxStore.getState().cancelErrors).toEqual({});
  });
});
