/**
 * Accounts against real TLS servers (smtp-server with a certificate made by
 * openssl for this run): verification on by default, pinning by fingerprint,
 * logins, and secrets that never appear in clear.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { Account, ConnectionTest, OutboxItem, SendProgress, TranscriptEntry } from '../../../shared/model';
import { startTestSmtpServer, type TestSmtpServer } from '../../../testing/harness/smtp-test-server';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const PASSWORD = 'correct horse battery staple';
interface Pem {
  key: string;
  cert: string;
  sha256: string;
}
let first: Pem;
let second: Pem;

function makeCertificate(): Pem {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=mail.test',
    '-addext', 'subjectAltName=DNS:mail.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert, sha256: new X509Certificate(cert).fingerprint256 };
}

beforeAll(() => {
  first = makeCertificate();
  second = makeCertificate();
});

let core: TestCore | undefined;
const servers: SMTPServer[] = [];
const smtpServers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(smtpServers.splice(0).map((s) => s.close()));
  await core?.close();
  core = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(() => r(undefined)))));
});

async function tlsServer(pem: Pem, options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; received: number; mailFroms: number }> {
  const state = { port: 0, received: 0, mailFroms: 0 };
  const server = new SMTPServer({
    logger: false,
    secure: true,
    key: pem.key,
    cert: pem.cert,
    hideDSN: false,
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    onAuth(auth, _session, callback) {
      const ok = auth.method === 'XOAUTH2' ? auth.accessToken === PASSWORD : auth.password === PASSWORD;
      if (auth.username === 'ann' && ok) callback(null, { user: 'ann' });
      else callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onMailFrom(_a, _s, cb) {
      state.mailFroms++;
      cb();
    },
    onData(stream, _s, callback) {
      stream.resume();
      stream.on('end', () => {
        state.received++;
        callback();
      });
    },
    ...options,
  });
  server.on('error', () => undefined);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.server.address() as AddressInfo).port;
  return state;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return (error as { appError: AppError }).appError;
  }
  throw new Error('expected the call to fail');
}

const accountInput = (port: number, over: Record<string, unknown> = {}) => ({
  name: 'Work',
  fromName: 'Ann',
  fromAddress: 'ann@mail.test',
  host: '127.0.0.1',
  port,
  security: 'tls',
  auth: { mechanism: 'plain', username: 'ann' },
  secret: PASSWORD,
  ...over,
});

describe('account settings', () => {
  it('refuses plain text to a remote host, a bad sender, and a login without a password', async () => {
    core = await startTestCore();
    expect((await failure(core.call('accounts.save', accountInput(25, { host: 'smtp.example.com', security: 'none' })))).code).toBe('INVALID_ARG');
    expect((await failure(core.call('accounts.save', accountInput(25, { fromAddress: 'ann@' })))).code).toBe('INVALID_ADDRESS_LIST');
    expect((await failure(core.call('accounts.save', accountInput(25, { secret: undefined })))).code).toBe('INVALID_ARG');
    expect((await failure(core.call('accounts.save', accountInput(25, { host: 'bad host\r\nX: y' })))).code).toBe('INVALID_ARG');
    expect((await core.call<Account[]>('accounts.list', {})).map((a) => a.id)).toEqual(['local-sandbox']);
  });

  it('keeps the password sealed: not in the account, the store or the key file, which is 0600', async () => {
    core = await startTestCore();
    const account = await core.call<Account>('accounts.save', accountInput(2525));
    expect(account.hasSecret).toBe(true);
    expect(JSON.stringify(account)).not.toContain(PASSWORD);
    const row = await core.db.secrets.get(account.id);
    expect(row?.sealed).toMatch(/^v1:/);
    expect(row?.sealed).not.toContain(PASSWORD);
    expect(JSON.stringify(await core.db.accounts.toArray())).not.toContain(PASSWORD);
    const keyFile = join(core.userDataDir, 'secret.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile).includes(Buffer.from(PASSWORD))).toBe(false);
    // Saving without a secret keeps the stored one; an empty string forgets it.
    expect((await core.call<Account>('accounts.save', { ...accountInput(2525), id: account.id, secret: undefined })).hasSecret).toBe(true);
    const none = await core.call<Account>('accounts.save', { ...accountInput(2525), id: account.id, auth: { mechanism: 'none', username: '' }, secret: '' });
    expect(none.hasSecret).toBe(false);
    expect(await core.db.secrets.get(account.id)).toBeUndefined();
  });
});

describe('the incoming (IMAP) half', () => {
  const incoming = { host: '127.0.0.1', port: 993, security: 'tls', username: 'ann', secret: 'imap secret' };

  it('is sealed under its own key, kept when omitted, and removed with its secret when null', async () => {
    core = await startTestCore();
    const account = await core.call<Account>('accounts.save', accountInput(2525, { incoming }));
    expect(account.incoming).toMatchObject({ host: '127.0.0.1', port: 993, username: 'ann', hasSecret: true, trustedCertificate: null });
    expect(JSON.stringify(await core.db.secrets.toArray())).not.toContain('imap secret');
    const outgoing = await core.db.secrets.get(account.id);
    expect(outgoing?.sealed).toBeDefined();
    const kept = await core.call<Account>('accounts.save', { ...accountInput(2525), id: account.id, secret: undefined });
    expect(kept.incoming?.hasSecret).toBe(true);
    const removed = await core.call<Account>('accounts.save', { ...accountInput(2525), id: account.id, secret: undefined, incoming: null });
    expect(removed.incoming).toBeNull();
    expect(await core.db.secrets.get(`${account.id}:incoming`)).toBeUndefined();
    expect(await core.db.secrets.get(account.id)).toBeDefined();
  });

  it('needs a user name and a password, and plain text only on loopback', async () => {
    core = await startTestCore();
    expect((await failure(core.call('accounts.save', accountInput(2525, { incoming: { ...incoming, secret: undefined } })))).code).toBe('INVALID_ARG');
    expect((await failure(core.call('accounts.save', accountInput(2525, { incoming: { ...incoming, username: '' } })))).code).toBe('INVALID_ARG');
    const remotePlain = { ...incoming, host: 'imap.example.com', security: 'none' };
    expect((await failure(core.call('accounts.save', accountInput(2525, { incoming: remotePlain })))).code).toBe('INVALID_ARG');
  });

  it('accounts stored before the incoming half existed read as send-only', async () => {
    core = await startTestCore();
    const account = await core.call<Account>('accounts.save', accountInput(2525));
    const { incoming: _dropped, ...legacy } = account;
    await core.db.accounts.put(legacy as Account);
    expect((await core.call<Account[]>('accounts.list', {})).find((a) => a.id === account.id)?.incoming).toBeNull();
  });
});

describe('TLS and login', () => {
  it('an unknown certificate fails with its fingerprint; trusting that fingerprint lets the account connect', async () => {
    core = await startTestCore();
    const server = await tlsServer(first);
    const account = await core.call<Account>('accounts.save', accountInput(server.port));
    const refused = await failure(core.call('accounts.test', { id: account.id }));
    expect(refused.code).toBe('TLS_FAILED');
    expect(refused.detail?.sha256).toBe(first.sha256);
    expect(refused.message).toContain(first.sha256);

    const wrong = await failure(core.call('accounts.trustCertificate', { id: account.id, sha256: second.sha256 }));
    expect(wrong.code).toBe('TLS_FAILED');
    expect((await core.call<Account[]>('accounts.list', {})).find((a) => a.id === account.id)?.trustedCertificate).toBeNull();

    const trusted = await core.call<Account>('accounts.trustCertificate', { id: account.id, sha256: first.sha256 });
    expect(trusted.trustedCertificate?.sha256).toBe(first.sha256);
    const test = await core.call<ConnectionTest>('accounts.test', { id: account.id });
    expect(test.secure).toBe(true);
    expect(test.certificate?.sha256).toBe(first.sha256);
    expect(test.capabilities).toMatchObject({ dsn: true, auth: expect.arrayContaining(['PLAIN', 'LOGIN']) });
  });

  it('sends over implicit TLS with PLAIN, and the transcript never shows the password', async () => {
    core = await startTestCore();
    const server = await tlsServer(first);
    const account = await core.call<Account>('accounts.save', accountInput(server.port));
    await core.call('accounts.trustCertificate', { id: account.id, sha256: first.sha256 });
    const item = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'bob@mail.test', subject: 'Over TLS', text: 'hi' });
    const sent = await core.waitForState(item.id, 'sent');
    expect(sent.from).toEqual({ name: 'Ann', address: 'ann@mail.test' });
    expect(server.received).toBe(1);
    const transcript = JSON.stringify(await core.call<TranscriptEntry[]>('transcript.get', { id: item.id }));
    const plainToken = Buffer.from(`\0ann\0${PASSWORD}`).toString('base64');
    expect(transcript).toContain('AUTH PLAIN ****');
    for (const leak of [PASSWORD, plainToken, Buffer.from(PASSWORD).toString('base64')]) expect(transcript).not.toContain(leak);
    expect(JSON.stringify(core.seen)).not.toContain(PASSWORD);
  });

  it('LOGIN and XOAUTH2 work; a wrong password fails with AUTH_FAILED and is not retried', async () => {
    core = await startTestCore();
    const server = await tlsServer(first);
    for (const mechanism of ['login', 'xoauth2'] as const) {
      const account = await core.call<Account>('accounts.save', accountInput(server.port, { name: mechanism, auth: { mechanism, username: 'ann' } }));
      await core.call('accounts.trustCertificate', { id: account.id, sha256: first.sha256 });
      const item = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'bob@mail.test', subject: mechanism, text: 'hi' });
      await core.waitForState(item.id, 'sent');
    }
    const bad = await core.call<Account>('accounts.save', accountInput(server.port, { name: 'bad', secret: 'wrong' }));
    await core.call('accounts.trustCertificate', { id: bad.id, sha256: first.sha256 });
    expect((await failure(core.call('accounts.test', { id: bad.id }))).code).toBe('AUTH_FAILED');
    const item = await core.call<OutboxItem>('outbox.submit', { accountId: bad.id, to: 'bob@mail.test', subject: 'nope', text: 'hi' });
    const failed = await core.waitForState(item.id, 'failed');
    expect(failed.error?.code).toBe('AUTH_FAILED');
    expect(failed.lastReply).toMatchObject({ code: 535 });
    expect(server.received).toBe(2);
  });

  it('a server that changes its certificate is refused until the new one is trusted', async () => {
    core = await startTestCore();
    const before = await tlsServer(first);
    const account = await core.call<Account>('accounts.save', accountInput(before.port, { auth: { mechanism: 'none', username: '' }, secret: '' }));
    await core.call('accounts.trustCertificate', { id: account.id, sha256: first.sha256 });
    await new Promise((r) => servers.pop()!.close(() => r(undefined)));
    const after = await tlsServer(second, { authOptional: true });
    await core.call('accounts.save', { ...accountInput(after.port, { auth: { mechanism: 'none', username: '' }, secret: '' }), id: account.id });
    // A new port is a new server: the pin is dropped, and the new certificate is unknown.
    const unknown = await failure(core.call('accounts.test', { id: account.id }));
    expect(unknown.detail?.sha256).toBe(second.sha256);
    expect(unknown.reason?.key).toBe('reason.certUntrusted');
    expect(unknown.detail?.previousSha256).toBeUndefined();
    await core.db.accounts.update(account.id, { trustedCertificate: { sha256: first.sha256, pem: first.cert } });
    // Pinned to the first and shown the second: a change, with both fingerprints, not a first meeting.
    const changed = await failure(core.call('accounts.test', { id: account.id }));
    expect(changed.code).toBe('TLS_FAILED');
    expect(changed.reason?.key).toBe('reason.certReplaced');
    expect(changed.detail).toMatchObject({ sha256: second.sha256, previousSha256: first.sha256 });
    const item = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'bob@mail.test', subject: 'pinned', text: 'hi' });
    const failed = await core.waitForState(item.id, 'failed');
    expect(failed.error?.code).toBe('TLS_FAILED');
    expect(failed.error?.reason?.key).toBe('reason.certNoLongerTrusted');
    expect(after.mailFroms).toBe(0);
    // No RCPT was ever sent: the server refused nobody, so nobody is marked refused.
    expect(failed.recipients.map((r) => [r.state, r.reply])).toEqual([['pending', undefined]]);
  });

  it('STARTTLS is required when chosen, and verified the same way', async () => {
    core = await startTestCore();
    const server = await tlsServer(first, { secure: false, authOptional: true });
    const account = await core.call<Account>('accounts.save', accountInput(server.port, { security: 'starttls', auth: { mechanism: 'none', username: '' }, secret: '' }));
    const refused = await failure(core.call('accounts.test', { id: account.id }));
    expect(refused).toMatchObject({ code: 'TLS_FAILED', detail: { sha256: first.sha256 } });
    await core.call('accounts.trustCertificate', { id: account.id, sha256: first.sha256 });
    const passed = await core.call<ConnectionTest>('accounts.test', { id: account.id });
    expect(passed.secure).toBe(true);
    // The EHLO after encryption no longer lists STARTTLS; the server did offer it, and that is what the user asked.
    expect(passed.capabilities.starttls).toBe(true);
    expect(passed.loggedIn).toBe(false);
  });

  it('a test with a login says it logged in; one without says it did not', async () => {
    core = await startTestCore();
    const server = await tlsServer(first);
    const account = await core.call<Account>('accounts.save', accountInput(server.port));
    await core.call('accounts.trustCertificate', { id: account.id, sha256: first.sha256 });
    expect((await core.call<ConnectionTest>('accounts.test', { id: account.id })).loggedIn).toBe(true);
  });

  it('a login to a server that offers none is refused as such, not as a wrong password, and nothing is sent', async () => {
    core = await startTestCore();
    const server = await tlsServer(first, { disabledCommands: ['AUTH'] });
    const account = await core.call<Account>('accounts.save', accountInput(server.port));
    await core.call('accounts.trustCertificate', { id: account.id, sha256: first.sha256 });
    const refused = await failure(core.call('accounts.test', { id: account.id }));
    expect(refused.code).toBe('AUTH_FAILED');
    expect(refused.reason?.key).toBe('reason.loginNotOffered');
    const item = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'bob@mail.test', subject: 'no login', text: 'hi' });
    const failed = await core.waitForState(item.id, 'failed');
    expect(failed.error?.reason?.key).toBe('reason.loginNotOffered');
    expect(failed.recipients.map((r) => r.state)).toEqual(['pending']);
    expect(server.mailFroms).toBe(0);
  });
});

describe('SIZE', () => {
  it('a message bigger than the advertised SIZE fails before MAIL FROM with MESSAGE_TOO_BIG', async () => {
    core = await startTestCore();
    const server = await tlsServer(first, { secure: false, authOptional: true, disabledCommands: ['STARTTLS'], size: 4096 });
    const account = await core.call<Account>('accounts.save', accountInput(server.port, { security: 'none', auth: { mechanism: 'none', username: '' }, secret: '' }));
    const attachment = { name: 'big.bin', type: 'application/octet-stream', contentBase64: Buffer.alloc(20_000, 1).toString('base64') };
    const item = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'bob@mail.test', subject: 'big', text: 'x', attachments: [attachment] });
    const failed = await core.waitForState(item.id, 'failed');
    expect(failed.error?.code).toBe('MESSAGE_TOO_BIG');
    expect(server.mailFroms).toBe(0);
    // Sizes in units that fit them: never "0.0 MB".
    expect(failed.error?.reason).toMatchObject({ key: 'reason.messageTooBig', values: { limit: { key: 'reason.sizeKB', values: { n: '4.0' } } } });
    expect(failed.error?.message).toMatch(/^The message is \d+\.\d KB; the server accepts at most 4\.0 KB\.$/);
  });

  it('a 300-byte message goes to a server whose SIZE is 1024, declaring its exact size; progress ends at that size', async () => {
    core = await startTestCore();
    const server = await startTestSmtpServer({ size: 1024 });
    smtpServers.push(server);
    const account = await core.call<Account>('accounts.save', accountInput(server.port, { security: 'none', auth: { mechanism: 'none', username: '' }, secret: '' }));
    const item = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'bob@mail.test', subject: 'small', text: 'Hi.' });
    await core.waitForState(item.id, 'sent');
    const received = server.messages[0]!.data.length;
    expect(received).toBeLessThan(1024);
    expect(server.mailFroms[0]?.args).toMatchObject({ SIZE: String(received) });
    const progress = core.seen.filter((e) => e.name === 'smtp:progress').map((e) => e.payload as SendProgress);
    expect(progress.at(-1)).toMatchObject({ itemId: item.id, sent: received, total: received });
  });
});
