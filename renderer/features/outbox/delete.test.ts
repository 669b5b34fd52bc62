import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { answerConfirm, fakeApi, resetStores } from '../../app/fake-api';
import { useAlertsStore } from '../../store/alerts';
import { heldItems, NO_COUNTS, useOutboxStore } from '../../store/outbox';
import { makeItem } from '../../store/test-fixtures';
import { canDelete, deleteItem } from './delete';

beforeEach(resetStores);

describe('deleteItem', () => {
  it('is offered for sent, failed and cancelled messages only', () => {
    expect(['sent', 'failed', 'cancelled', 'queued', 'sending', 'deferred'].map((state) => canDelete({ state: state as never }))).toEqual([
      true, true, true, false, false, false,
    ]);
  });
  it('asks, deletes, and drops the item and its selection', async () => {
    const fake = fakeApi({ 'outbox.delete': ({ id }) => ok({ id }) });
    useOutboxStore.getState().upsert(makeItem({ state: 'sent', subject: 'Notes' }));
    useOutboxStore.getState().select('item-0001');
    const done = deleteItem(fake.api, 'item-0001');
    expect(await answerConfirm(true)).toContain('“Notes” has been sent');
    expect(await done).toBe(true);
    expect(heldItems(useOutboxStore.getState())).toEqual([]);
    expect(useOutboxStore.getState().selectedId).toBeNull();
  });
  it('keeps the item when the user says no', async () => {
    const fake = fakeApi();
    useOutboxStore.getState().upsert(makeItem({ state: 'failed' }));
    const done = deleteItem(fake.api, 'item-0001');
    await answerConfirm(false);
    expect(await done).toBe(false);
    expect(fake.calls).toEqual([]);
    expect(heldItems(useOutboxStore.getState())).toHaveLength(1);
  });
  it('says why the core refused', async () => {
    const fake = fakeApi({ 'outbox.delete': () => err('ILLEGAL_STATE', 'Cancel it first.') });
    useOutboxStore.getState().upsert(makeItem({ state: 'cancelled', subject: 'Plans' }));
    const done = deleteItem(fake.api, 'item-0001');
    await answerConfirm(true);
    expect(await done).toBe(false);
    expect(useAlertsStore.getState().alerts[0]?.text).toBe('Could not delete “Plans”: Cancel it first.');
    expect(useOutboxStore.getState().pending).toEqual({});
  });
  it('does not bring a deleted item back from a late list answer', () => {
    useOutboxStore.getState().upsert(makeItem({ state: 'sent' }));
    useOutboxStore.getState().remove('item-0001');
    useOutboxStore.getState().setList({ view: 'sent', filter: 'all', offset: 0, rows: [makeItem({ state: 'sent' })] }, { ...NO_COUNTS, sent: 1 });
    useOutboxStore.getState().upsert(makeItem({ state: 'sent', updatedAt: 5000 }));
    expect(heldItems(useOutboxStore.getState())).toEqual([]);
  });
});
