import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { fakeApi, resetStores } from '../../app/fake-api';
import { useAlertsStore } from '../../store/alerts';
import { heldItems, useOutboxStore } from '../../store/outbox';
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
    expect(heldItems(useOutboxStore.getState())[0]?.state).toBe('cancelled');
    expect(useOutboxStore.getState().pending).toEqual({});
  });

  it('keeps the reason on screen, naming the message', async () => {
    const fake = fakeApi({ 'outbox.abort': () => err('TOO_LATE', 'The message has been handed to the server.') });
    useOutboxStore.getState().upsert(makeItem({ subject: 'Engine notes' }));
    expect(await cancelItem(fake.api, 'item-0001')).toBe(false);
    expect(useAlertsStore.getState().alerts).toMatchObject([
      { kind: 'error', text: 'Could not cancel “Engine notes”: The message has been handed to the server.' },
    ]);
    expect(useOutboxStore.getState().pending).toEqual({});
  });

  it('ignores a second click while the first is in flight', async () => {
    let release: () => void = () => {};
    const fake = fakeApi({ 'outbox.abort': () => new Promise((resolve) => (release = () => resolve(ok(makeItem({ state: 'cancelled', updatedAt: 5 }))))) });
    const first = cancelItem(fake.api, 'item-0001');
    expect(useOutboxStore.getState().pending).toEqual({ 'item-0001': 'cancel' });
    expect(await cancelItem(fake.api, 'item-0001')).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(fake.calls).toHaveLength(1);
  });
});
