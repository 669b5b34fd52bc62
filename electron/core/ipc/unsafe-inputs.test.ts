/**
 * Inputs the fuzz let through, refused at the boundary of a real core:
 * angle brackets in a recipient (nodemailer would refuse the envelope and the
 * message be retried for days), controls and direction overrides in names,
 * subjects and file names, and a default account that does not exist.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { Account } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return (error as { appError: AppError }).appError;
  }
  throw new Error('expected the call to fail');
}

const RLO = '\u202e';
const message = (over: Record<string, unknown> = {}) => ({ to: 'ada@example.test', subject: 'Notes', text: 'hi', delaySeconds: 60, ...over });
const file = (name: string) => ({ name, type: 'text/plain', contentBase64: Buffer.from('x').toString('base64') });

describe('submit refuses', () => {
  it.each([
    ['a quoted local part holding <', '"a<b"@example.test'],
    ['a quoted local part holding >', '"a>b"@example.test'],
    ['a display name with a direction override', `Ada ${RLO}moc.live <ada@example.test>`],
  ])('%s as a recipient (INVALID_ADDRESS_LIST), in To, Cc or Bcc', async (_what, address) => {
    core ??= await startTestCore();
    for (const field of ['to', 'cc', 'bcc']) {
      const refused = await refusal(core.call('outbox.submit', message({ to: 'ok@example.test', [field]: address })));
      expect(refused.code).toBe('INVALID_ADDRESS_LIST');
    }
    expect(core.listOutbox()).toEqual([]);
  });

  it.each([
    ['a direction override', `Invoice ${RLO}fdp.exe`],
    ['a C1 control', 'Notes\u0085'],
    ['an escape sequence', 'Notes\u001b[2J'],
    ['an isolate', 'Notes\u2066x\u2069'],
  ])('a subject or a file name holding %s (INVALID_ARG)', async (_what, text) => {
    core ??= await startTestCore();
    expect((await refusal(core.call('outbox.submit', message({ subject: text })))).code).toBe('INVALID_ARG');
    expect((await refusal(core.call('outbox.submit', message({ attachments: [file(text)] })))).code).toBe('INVALID_ARG');
    expect((await refusal(core.call('drafts.save', { to: '', cc: '', bcc: '', subject: text, text: '', attachments: [] }))).code).toBe('INVALID_ARG');
  });

  it('right-to-left text with its marks stays allowed', async () => {
    core = await startTestCore();
    const item = await core.call<{ subject: string }>('outbox.submit', message({ subject: 'שלום\u200f עולם', attachments: [file('מסמך.txt')] }));
    expect(item.subject).toBe('שלום\u200f עולם');
  });

  it('an account name or sender name with controls or overrides', async () => {
    core = await startTestCore();
    const account = { name: 'Work', fromAddress: 'ann@example.test', host: '127.0.0.1', port: 2525, security: 'none', auth: { mechanism: 'none', username: '' } };
    expect((await refusal(core.call('accounts.save', { ...account, name: `Work${RLO}` }))).code).toBe('INVALID_ARG');
    expect((await refusal(core.call('accounts.save', { ...account, fromName: 'Ann\u0007' }))).code).toBe('INVALID_ARG');
    expect((await refusal(core.call('accounts.save', { ...account, fromAddress: '"a<b"@example.test' }))).code).toBe('INVALID_ADDRESS_LIST');
  });
});

describe('settings.update', () => {
  it('refuses a default account id that names no account, and takes one that exists', async () => {
    core = await startTestCore();
    const refused = await refusal(core.call('settings.update', { defaultAccountId: 'no-such-account-1' }));
    expect(refused.code).toBe('INVALID_ARG');
    expect((await core.call<{ defaultAccountId?: string }>('settings.get', {})).defaultAccountId).toBeUndefined();
    const accounts = await core.call<Account[]>('accounts.list', {});
    expect(await core.call('settings.update', { defaultAccountId: accounts[0]?.id })).toMatchObject({ defaultAccountId: accounts[0]?.id });
  });
});
