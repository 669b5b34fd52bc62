import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { fakeApi, resetStores } from '../../app/fake-api';
import { useAlertsStore } from '../../store/alerts';
import { heldItems, useOutboxStore } from '../../store/outbox';
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
    expect(heldItems(useOutboxStore.getState())[0]?.state).toBe('queued');
    expect(useOutboxStore.getState().pending).toEqual({});
  });

  it('shows why retry failed', async () => {
    const fake = fakeApi({ 'outbox.retry': () => err('ILLEGAL_STATE', 'The message is sending.') });
    useOutboxStore.getState().upsert(makeItem({ state: 'failed', subject: '' }));
    expect(await retryItem(fake.api, 'item-0001')).toBe(false);
    expect(useAlertsStore.getState().alerts[0]?.text).toBe('Could not retry “(no subject)”: The message is sending.');
    expect(heldItems(useOutboxStore.getState())[0]?.state).toBe('failed');
  });

  it('turns a thrown transport error into a shown failure', async () => {
    const fake = fakeApi({
      'outbox.retry': () => {
        throw new Error('channel closed');
      },
    });
    useOutboxStore.getState().upsert(makeItem({ state: 'failed' }));
    expect(await retryItem(fake.api, 'item-0001')).toBe(false);
    expect(useAlertsStore.getState().alerts[0]?.text).toBe('Could not retry “Hello”: channel closed');
  });
});
