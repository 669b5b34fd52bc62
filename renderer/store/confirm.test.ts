import { beforeEach, describe, expect, it } from 'vitest';
import { resetStores } from '../app/fake-api';
import { askConfirm, useConfirmStore } from './confirm';

beforeEach(resetStores);

describe('askConfirm', () => {
  it('resolves with the answer and clears the question', async () => {
    const answer = askConfirm({ title: 'Delete?', body: 'Sure?', confirmLabel: 'Delete' });
    const request = useConfirmStore.getState().request;
    expect(request).toMatchObject({ title: 'Delete?' });
    useConfirmStore.getState().answer(request?.id ?? 0, true);
    expect(await answer).toBe(true);
    expect(useConfirmStore.getState().request).toBeNull();
  });
  it('answers no to a question replaced by a newer one', async () => {
    const first = askConfirm({ title: 'A', body: '', confirmLabel: 'OK' });
    const second = askConfirm({ title: 'B', body: '', confirmLabel: 'OK' });
    expect(await first).toBe(false);
    expect(useConfirmStore.getState().request?.title).toBe('B');
    useConfirmStore.getState().answer(useConfirmStore.getState().request?.id ?? 0, false);
    expect(await second).toBe(false);
  });
});
