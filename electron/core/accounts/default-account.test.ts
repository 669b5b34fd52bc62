/** Adding an account never changes which account new messages use: only Make default does. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, OutboxItem, Settings } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';
import { SANDBOX_ACCOUNT_ID } from './accounts-service';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const input = (name: string, port: number) => ({
  name,
  fromName: 'Ann',
  fromAddress: `${name.toLowerCase()}@mail.test`,
  host: '127.0.0.1',
  port,
  security: 'none',
  auth: { mechanism: 'none', username: '' },
});

describe('the default account', () => {
  it('stays the sandbox when the first real account is added, until Make default', async () => {
    core = await startTestCore();
    const work = await core.call<Account>('accounts.save', input('Work', 2525));
    expect((await core.call<Settings>('settings.get', {})).defaultAccountId).toBe(SANDBOX_ACCOUNT_ID);
    const item = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'S', text: 'T', delaySeconds: 60 });
    expect(item.accountId).toBe(SANDBOX_ACCOUNT_ID);

    await core.call('settings.update', { defaultAccountId: work.id });
    await core.call<Account>('accounts.save', input('Home', 2526));
    expect((await core.call<Settings>('settings.get', {})).defaultAccountId).toBe(work.id);
  });

  it('editing an account leaves the choice alone', async () => {
    core = await startTestCore();
    const work = await core.call<Account>('accounts.save', input('Work', 2525));
    await core.call('settings.update', { defaultAccountId: undefined });
    await core.call<Account>('accounts.save', { ...input('Work', 2527), id: work.id });
    expect((await core.call<Settings>('settings.get', {})).defaultAccountId).toBeUndefined();
  });
});
