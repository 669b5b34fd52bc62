import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../../shared/errors';
import type { ConnectionTest } from '../../../../shared/model';
import { answerConfirm, fakeApi, resetStores } from '../../../app/fake-api';
import { useAccountsUiStore } from '../../../store/accounts-ui';
import { useSettingsStore } from '../../../store/settings';
import { useStatusStore } from '../../../store/status';
import { makeAccount } from '../../../store/test-fixtures';
import { makeDefault, removeAccount, saveAccount, testAccount, trustCertificate } from './accounts-actions';

beforeEach(resetStores);

const sha = Array.from({ length: 32 }, () => '0A').join(':');
const passed: ConnectionTest = {
  capabilities: { dsn: true, size: 1000, smtputf8: true, pipelining: true, eightBitMime: true, starttls: false, auth: ['PLAIN'] },
  secure: true,
  certificate: null,
  greeting: '220 hi',
  loggedIn: true,
};

describe('accounts actions', () => {
  it('adds a saved account to the list', async () => {
    const account = makeAccount({ id: 'account-new' });
    const fake = fakeApi({ 'accounts.save': () => ok(account) });
    useStatusStore.getState().setAccounts([makeAccount({ id: 'local-sandbox', sandbox: true })]);
    const result = await saveAccount(fake.api, { name: 'Work', fromAddress: 'ann@example.test', host: 'smtp.example.test', port: 587, security: 'starttls', auth: { mechanism: 'none', username: '' } });
    expect(result).toEqual({ ok: true, account });
    expect(useStatusStore.getState().accounts?.map((a) => a.id)).toEqual(['local-sandbox', 'account-new']);
  });

  it('tests a connection and keeps the size limit for Compose', async () => {
    const fake = fakeApi({ 'accounts.test': () => ok(passed) });
    const running = testAccount(fake.api, 'account-1');
    expect(useAccountsUiStore.getState().tests['account-1']).toEqual({ kind: 'testing' });
    await running;
    expect(useAccountsUiStore.getState().tests['account-1']).toMatchObject({ kind: 'passed', result: passed });
    expect(useAccountsUiStore.getState().sizeLimits['account-1']).toBe(1000);
  });

  it('keeps the error of a failed test, then trusts the certificate and tests again', async () => {
    let trusted = false;
    const fake = fakeApi({
      'accounts.test': () => (trusted ? ok(passed) : err('TLS_FAILED', 'self-signed certificate', { sha256: sha, subject: 'CN=x', issuer: 'CN=x', validTo: '2030' })),
      'accounts.trustCertificate': ({ id }) => {
        trusted = true;
        return ok(makeAccount({ id, trustedCertificate: { sha256: sha, pem: 'PEM' } }));
      },
    });
    useStatusStore.getState().setAccounts([makeAccount({ id: 'account-1' })]);
    await testAccount(fake.api, 'account-1');
    const failed = useAccountsUiStore.getState().tests['account-1'];
    expect(failed).toMatchObject({ kind: 'failed', error: { code: 'TLS_FAILED' } });
    if (failed?.kind !== 'failed') return;
    await trustCertificate(fake.api, 'account-1', failed.error, sha);
    expect(fake.calls.map((c) => c.name)).toEqual(['accounts.test', 'accounts.trustCertificate', 'accounts.test']);
    expect(fake.calls[1]?.request).toEqual({ id: 'account-1', sha256: sha });
    expect(useAccountsUiStore.getState().tests['account-1']?.kind).toBe('passed');
    expect(useStatusStore.getState().accounts?.[0]?.trustedCertificate?.sha256).toBe(sha);
  });

  it('removes an account after asking, and reports a refusal', async () => {
    const account = makeAccount({ id: 'account-1' });
    const fake = fakeApi({ 'accounts.remove': () => err('ILLEGAL_STATE', '2 message(s) are still waiting.') });
    const done = removeAccount(fake.api, account);
    expect(await answerConfirm(true)).toContain('“Work”');
    expect(await done).toMatchObject({ code: 'ILLEGAL_STATE' });
  });

  it('makes an account the default through the settings', async () => {
    const fake = fakeApi({ 'settings.update': (changes) => ok({ undoSendSeconds: 5, ...changes }) });
    expect(await makeDefault(fake.api, 'account-1')).toBeNull();
    expect(fake.calls).toEqual([{ name: 'settings.update', request: { defaultAccountId: 'account-1' } }]);
    expect(useSettingsStore.getState().settings?.defaultAccountId).toBe('account-1');
  });
});
