import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../../shared/errors';
import type { IncomingConnectionTest } from '../../../../shared/mail-model';
import { fakeApi, resetStores } from '../../../app/fake-api';
import { useIncomingTestsStore } from '../../../store/incoming-tests';
import { useStatusStore } from '../../../store/status';
import { makeAccount } from '../../../store/test-fixtures';
import { testIncoming, trustIncomingCertificate } from './incoming-actions';

beforeEach(() => {
  resetStores();
  useIncomingTestsStore.setState({ tests: {} });
});

const sha = Array.from({ length: 32 }, () => '0B').join(':');
const incoming = { host: 'imap.example.test', port: 993, security: 'tls' as const, username: 'ann', hasSecret: true, trustedCertificate: null, sentCopy: 'auto' as const, draftsOnServer: false };
const passed: IncomingConnectionTest = {
  capabilities: { idle: true, condstore: true, qresync: false, move: true, uidplus: true, specialUse: true, appendLimit: null, auth: ['PLAIN'] },
  secure: true,
  certificate: null,
  greeting: 'ready',
};

describe('incoming actions', () => {
  it('a refused certificate is trusted for the incoming server only, then tested again', async () => {
    let trusted = false;
    const fake = fakeApi({
      'accounts.testIncoming': () => (trusted ? ok(passed) : err('TLS_FAILED', 'self-signed certificate', { sha256: sha, subject: 'CN=x', issuer: 'CN=x', validTo: '2030' })),
      'accounts.trustCertificate': ({ id }) => {
        trusted = true;
        return ok(makeAccount({ id, incoming: { ...incoming, trustedCertificate: { sha256: sha, pem: 'PEM' } } }));
      },
    });
    useStatusStore.getState().setAccounts([makeAccount({ id: 'account-1', incoming })]);
    await testIncoming(fake.api, 'account-1');
    const failed = useIncomingTestsStore.getState().tests['account-1'];
    expect(failed).toMatchObject({ kind: 'failed', error: { code: 'TLS_FAILED' } });
    if (failed?.kind !== 'failed') return;
    await trustIncomingCertificate(fake.api, 'account-1', failed.error, sha);
    expect(fake.calls.map((c) => c.name)).toEqual(['accounts.testIncoming', 'accounts.trustCertificate', 'accounts.testIncoming']);
    expect(fake.calls[1]?.request).toEqual({ id: 'account-1', sha256: sha, server: 'incoming' });
    expect(useIncomingTestsStore.getState().tests['account-1']).toMatchObject({ kind: 'passed', result: passed });
    expect(useStatusStore.getState().accounts?.[0]?.incoming?.trustedCertificate?.sha256).toBe(sha);
  });

  it('a second click while a test runs starts no second test', async () => {
    const fake = fakeApi({ 'accounts.testIncoming': () => ok(passed) });
    const first = testIncoming(fake.api, 'account-1');
    await testIncoming(fake.api, 'account-1');
    await first;
    expect(fake.calls.filter((c) => c.name === 'accounts.testIncoming')).toHaveLength(1);
  });
});
