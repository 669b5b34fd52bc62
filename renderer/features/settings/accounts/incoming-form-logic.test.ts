import { describe, expect, it } from 'vitest';
import type { Account, DiscoveredSettings } from '../../../../shared/model';
import { checkAccount } from './account-form-logic';
import { formFromDiscovery } from './discovery-logic';
import { checkIncoming, emptyIncomingFields, incomingFromAccount, withIncomingSecurity, type IncomingFields } from './incoming-form-logic';

const filled: IncomingFields = { receive: true, inHost: 'imap.example.org', inPort: '993', inSecurity: 'tls', inUsername: 'ann@example.org', inSecret: 'pw', sentCopy: 'auto' };
const stored = (hasSecret: boolean): Pick<Account, 'incoming'> => ({
  incoming: { host: 'imap.example.org', port: 993, security: 'tls', username: 'ann', hasSecret, trustedCertificate: null, sentCopy: 'auto', draftsOnServer: false },
});

describe('the incoming half of the account form', () => {
  it('is optional: unticked on a new account sends nothing, unticked on an account that receives removes the half', () => {
    expect(checkIncoming(emptyIncomingFields, null)).toEqual({ ok: true, incoming: undefined });
    expect(checkIncoming({ ...filled, receive: false }, stored(true))).toEqual({ ok: true, incoming: null });
  });

  it('checks the server like the outgoing one and names each problem', () => {
    const check = checkIncoming({ ...filled, inHost: 'imap.example.org', inSecurity: 'none', inPort: '0', inUsername: ' ', inSecret: '' }, null);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['inHost', 'inPort', 'inSecret', 'inUsername']);
  });

  it('an empty password keeps the stored one; a typed one replaces it', () => {
    expect(checkIncoming({ ...filled, inSecret: '' }, stored(true))).toEqual({
      ok: true,
      incoming: { host: 'imap.example.org', port: 993, security: 'tls', username: 'ann@example.org', sentCopy: 'auto' },
    });
    expect(checkIncoming(filled, stored(true))).toMatchObject({ ok: true, incoming: { secret: 'pw' } });
  });

  it('follows the usual port when the security changes, and keeps a port the user chose', () => {
    expect(withIncomingSecurity(filled, 'starttls').inPort).toBe('143');
    expect(withIncomingSecurity({ ...filled, inPort: '1993' }, 'starttls').inPort).toBe('1993');
    expect(incomingFromAccount({ incoming: null } as Account)).toEqual(emptyIncomingFields);
  });

  it('shows the stored Sent-copy choice and saves the one chosen', () => {
    const account = { incoming: { ...stored(true).incoming, sentCopy: 'server' } } as Account;
    expect(incomingFromAccount(account).sentCopy).toBe('server');
    expect(checkIncoming({ ...filled, sentCopy: 'append' }, stored(true))).toMatchObject({ ok: true, incoming: { sentCopy: 'append' } });
  });
});

describe('filling the form from discovery', () => {
  const found: DiscoveredSettings = {
    source: 'autoconfig',
    displayName: 'Example Mail',
    incoming: { host: 'imap.example.org', port: 993, security: 'tls', username: 'ann@example.org' },
    outgoing: { host: 'smtp.example.org', port: 465, security: 'tls', username: 'ann' },
  };

  it('fills both halves, with the one password for both, into a form that saves as is', () => {
    const form = formFromDiscovery(' ann@example.org ', 'secret', found);
    expect(form.incoming).toEqual({ receive: true, inHost: 'imap.example.org', inPort: '993', inSecurity: 'tls', inUsername: 'ann@example.org', inSecret: 'secret', sentCopy: 'auto' });
    const check = checkAccount(form.fields, null);
    expect(check).toMatchObject({ ok: true, input: { name: 'Example Mail', fromAddress: 'ann@example.org', host: 'smtp.example.org', port: 465, security: 'tls', auth: { mechanism: 'plain', username: 'ann' }, secret: 'secret' } });
  });

  it('leaves receiving off when the provider lists only an outgoing server, and on for manual setup after nothing was found', () => {
    expect(formFromDiscovery('ann@example.org', 'pw', { ...found, incoming: null }).incoming.receive).toBe(false);
    const none = formFromDiscovery('ann@example.org', 'pw', { source: 'none', incoming: null, outgoing: null, displayName: null });
    expect(none.incoming).toMatchObject({ receive: true, inHost: '', inUsername: 'ann@example.org', inSecret: 'pw' });
    expect(none.fields).toMatchObject({ name: 'example.org', host: '', username: 'ann@example.org', secret: 'pw' });
  });
});
