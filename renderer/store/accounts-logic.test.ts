import { describe, expect, it } from 'vitest';
import { accountOption, chosenAccount, defaultAccount } from './accounts-logic';
import { makeAccount } from './test-fixtures';

const sandbox = makeAccount({ id: 'local-sandbox', sandbox: true, name: 'Local sandbox', from: { name: 'You', address: 'you@sandbox.test' } });
const work = makeAccount({ id: 'account-w', name: 'Work' });
const home = makeAccount({ id: 'account-h', name: 'Home', from: { address: 'me@home.test' } });

describe('defaultAccount', () => {
  it('takes the one set in Settings, else the first real one, else the sandbox', () => {
    expect(defaultAccount([sandbox, work, home], 'account-h')?.id).toBe('account-h');
    expect(defaultAccount([sandbox, work, home], undefined)?.id).toBe('account-w');
    expect(defaultAccount([sandbox, work], 'account-gone')?.id).toBe('account-w');
    expect(defaultAccount([sandbox], undefined)?.id).toBe('local-sandbox');
    expect(defaultAccount([], undefined)).toBeUndefined();
    expect(defaultAccount(null, undefined)).toBeUndefined();
  });
});

describe('chosenAccount', () => {
  it('keeps the choice while the account exists', () => {
    expect(chosenAccount([sandbox, work, home], 'local-sandbox', 'account-h')?.id).toBe('local-sandbox');
    expect(chosenAccount([sandbox, work], 'account-removed', undefined)?.id).toBe('account-w');
    expect(chosenAccount([sandbox, work], null, undefined)?.id).toBe('account-w');
  });
});

describe('accountOption', () => {
  it('names the account and its sender', () => {
    expect(accountOption(work)).toBe('Work — Ann Lee <ann@example.test>');
    expect(accountOption(sandbox)).toBe('Local sandbox — You <you@sandbox.test>');
  });
});
