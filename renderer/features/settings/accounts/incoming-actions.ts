/**
 * The incoming half talking to the core: look up settings for an address,
 * test the IMAP server, trust the certificate the user saw and test again.
 */
import type { MailApi } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import type { Account, DiscoveredSettings } from '../../../../shared/model';
import { settle } from '../../../app/settle';
import { useIncomingTestsStore } from '../../../store/incoming-tests';
import { useStatusStore } from '../../../store/status';

export async function discover(api: MailApi, address: string): Promise<{ ok: true; value: DiscoveredSettings } | { ok: false; error: AppError }> {
  return settle(() => api.accounts.discover({ address: address.trim() }));
}

export async function testIncoming(api: MailApi, id: string): Promise<void> {
  const store = useIncomingTestsStore.getState();
  if (store.tests[id]?.kind === 'testing') return;
  store.setTest(id, { kind: 'testing' });
  const result = await settle(() => api.accounts.testIncoming({ id }));
  useIncomingTestsStore.getState().setTest(id, result.ok ? { kind: 'passed', result: result.value, at: Date.now() } : { kind: 'failed', error: result.error, at: Date.now() });
}

function replaceAccount(account: Account): void {
  const status = useStatusStore.getState();
  status.setAccounts((status.accounts ?? []).map((a) => (a.id === account.id ? account : a)));
}

/** Trusts the IMAP server's certificate whose fingerprint the user saw, then tests again. */
export async function trustIncomingCertificate(api: MailApi, id: string, error: AppError, sha256: string): Promise<void> {
  useIncomingTestsStore.getState().setTest(id, { kind: 'trusting', error });
  const result = await settle(() => api.accounts.trustCertificate({ id, sha256, server: 'incoming' }));
  if (!result.ok) {
    useIncomingTestsStore.getState().setTest(id, { kind: 'failed', error: result.error, at: Date.now() });
    return;
  }
  replaceAccount(result.value);
  useIncomingTestsStore.getState().setTest(id, null);
  await testIncoming(api, id);
}
