import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../shared/errors';
import { connectStores } from '../app/connect';
import { fakeApi, flush, resetStores } from '../app/fake-api';
import { initialUpdateState, useUpdateStore } from './update';

beforeEach(() => {
  resetStores();
  useUpdateStore.setState(initialUpdateState);
});
let stop = () => {};
afterEach(() => stop());

describe('the update store', () => {
  it('takes the update the core announces', async () => {
    const fake = fakeApi();
    stop = connectStores(fake.api);
    await flush();
    fake.emit('app:update', { phase: 'ready', version: '0.2.0', sending: 0 });
    expect(useUpdateStore.getState().update).toEqual({ phase: 'ready', version: '0.2.0', sending: 0 });
  });

  it('asks the core to restart and shows that the restart waits for the send in progress', async () => {
    const fake = fakeApi({ 'app.restartToUpdate': () => ok({ phase: 'waiting' as const, version: '0.2.0', sending: 1 }) });
    useUpdateStore.getState().set({ phase: 'ready', version: '0.2.0', sending: 1 });
    await useUpdateStore.getState().restart(fake.api);
    expect(fake.calls).toEqual([{ name: 'app.restartToUpdate', request: {} }]);
    expect(useUpdateStore.getState().update?.phase).toBe('waiting');
  });

  it('keeps "restarting" when that event came before the answer', async () => {
    const fake = fakeApi({
      'app.restartToUpdate': () => {
        useUpdateStore.getState().set({ phase: 'restarting', version: '0.2.0', sending: 0 });
        return ok({ phase: 'waiting' as const, version: '0.2.0', sending: 1 });
      },
    });
    await useUpdateStore.getState().restart(fake.api);
    expect(useUpdateStore.getState().update?.phase).toBe('restarting');
  });

  it('shows why a restart was refused', async () => {
    const fake = fakeApi({ 'app.restartToUpdate': () => err('NOT_READY', 'No update has been downloaded yet.') });
    await useUpdateStore.getState().restart(fake.api);
    expect(useUpdateStore.getState().error).toBeTruthy();
  });

  it('Later hides that version only', () => {
    useUpdateStore.getState().set({ phase: 'ready', version: '0.2.0', sending: 0 });
    useUpdateStore.getState().later();
    expect(useUpdateStore.getState().dismissedVersion).toBe('0.2.0');
  });
});
