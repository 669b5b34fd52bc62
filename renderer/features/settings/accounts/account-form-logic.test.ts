import { describe, expect, it } from 'vitest';
import { DEFAULT_DSN } from '../../../../shared/model';
import { makeAccount } from '../../../store/test-fixtures';
import { checkAccount, emptyAccountFields, fieldsFromAccount, withSecurity, type AccountFields } from './account-form-logic';

const filled: AccountFields = {
  ...emptyAccountFields,
  name: ' Work ',
  fromName: 'Ann Lee',
  fromAddress: 'ann@example.test',
  host: 'smtp.example.test',
  username: 'ann',
  secret: 'pw',
};

describe('checkAccount', () => {
  it('builds the AccountInput for a new account', () => {
    expect(checkAccount(filled, null)).toEqual({
      ok: true,
      input: {
        name: 'Work',
        fromName: 'Ann Lee',
        fromAddress: 'ann@example.test',
        host: 'smtp.example.test',
        port: 587,
        security: 'starttls',
        auth: { mechanism: 'plain', username: 'ann' },
        secret: 'pw',
        dsn: DEFAULT_DSN,
      },
    });
  });

  it('names every missing or bad field, first in form order', () => {
    const check = checkAccount({ ...emptyAccountFields, fromAddress: 'ann@', port: '70000' }, null);
    if (check.ok) throw new Error('expected refusal');
    expect(check.first).toBe('name');
    expect(check.errors).toEqual({
      name: 'Enter a name for the account.',
      fromAddress: 'The address is not valid: missing the domain after @.',
      host: 'Enter the server’s name or IP address.',
      port: 'The port is a number from 1 to 65535.',
      username: 'Enter the user name.',
      secret: 'Enter the password.',
    });
  });

  it('allows no encryption only to this computer', () => {
    const remote = checkAccount({ ...filled, security: 'none', mechanism: 'none' }, null);
    expect(!remote.ok && remote.errors.host).toBe('Without encryption, only this computer (127.0.0.1 or localhost) can be used.');
    const local = checkAccount({ ...filled, host: '127.0.0.1', port: '2525', security: 'none', mechanism: 'none' }, null);
    expect(local.ok && local.input).toMatchObject({ host: '127.0.0.1', port: 2525, security: 'none', auth: { mechanism: 'none', username: '' } });
    expect(local.ok && 'secret' in local.input).toBe(false);
  });

  it('keeps a stored password when the field is left empty, and forgets it without a login', () => {
    const account = makeAccount({ id: 'account-w', hasSecret: true, auth: { mechanism: 'plain', username: 'ann' } });
    const kept = checkAccount({ ...fieldsFromAccount(account), secret: '' }, account);
    expect(kept.ok && kept.input).toMatchObject({ id: 'account-w' });
    expect(kept.ok && 'secret' in kept.input).toBe(false);
    const forgotten = checkAccount({ ...fieldsFromAccount(account), mechanism: 'none' }, account);
    expect(forgotten.ok && forgotten.input.secret).toBe('');
  });

  it('carries the answer to read-receipt requests, and leaves it to the core when never chosen', () => {
    const account = makeAccount({ id: 'account-w', readReceipts: 'never' });
    expect(fieldsFromAccount(account).readReceipts).toBe('never');
    const changed = checkAccount({ ...fieldsFromAccount(account), readReceipts: 'always' }, account);
    expect(changed.ok && changed.input.readReceipts).toBe('always');
    const fresh = checkAccount(filled, null);
    expect(fresh.ok && 'readReceipts' in fresh.input).toBe(false);
  });

  it('asks for the password again when the host, port, security or user name changes', () => {
    const account = makeAccount({ id: 'account-w', hasSecret: true, auth: { mechanism: 'plain', username: 'ann' } });
    const same = fieldsFromAccount(account);
    expect(checkAccount({ ...same, host: same.host.toUpperCase() }, account).ok).toBe(true);
    for (const changed of [{ host: 'other.example.com' }, { port: '2526' }, { security: 'tls' as const }, { username: 'bob' }]) {
      const check = checkAccount({ ...same, ...changed }, account);
      expect(!check.ok && check.first).toBe('secret');
    }
  });

  it('asks for a token for OAuth 2.0', () => {
    const check = checkAccount({ ...filled, mechanism: 'xoauth2', secret: '' }, null);
    expect(!check.ok && check.errors.secret).toBe('Enter the access token.');
  });
});

describe('withSecurity', () => {
  it('moves the usual port along, and leaves a chosen one', () => {
    expect(withSecurity(emptyAccountFields, 'tls').port).toBe('465');
    expect(withSecurity({ ...emptyAccountFields, port: '2525' }, 'tls').port).toBe('2525');
  });
});
