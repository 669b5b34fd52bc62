/**
 * accounts.testIncoming and trusting the IMAP server's certificate, through a
 * whole core. The peer is our scripted IMAP server (a test double: Dovecot
 * is not yet part of these tests) with a certificate openssl made for this run.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { IncomingConnectionTest } from '../../../shared/mail-model';
import type { Account } from '../../../shared/model';
import { startScriptedImapServer, type ScriptedImapOptions, type ScriptedImapServer } from '../../../testing/harness/scripted-imap-server';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const PASSWORD = 'correct horse battery staple';
let pem: { key: string; cert: string; sha256: string };

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-imap-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=imap.test',
    '-addext', 'subjectAltName=DNS:imap.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  pem = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert, sha256: new X509Certificate(cert).fingerprint256 };
});

let core: TestCore | undefined;
let imap: ScriptedImapServer | undefined;
afterEach(async () => {
  await core?.close();
  await imap?.close();
  core = undefined;
  imap = undefined;
});

const appError = (promise: Promise<unknown>): Promise<AppError> =>
  promise.then(
    () => { throw new Error('expected a failure'); },
    (e: { appError?: AppError }) => e.appError as AppError,
  );

async function setUp(server: ScriptedImapOptions, incoming: { security: 'tls' | 'starttls' | 'none'; secret?: string; username?: string }, timeouts = {}) {
  imap = await startScriptedImapServer(server);
  core = await startTestCore({ spooler: { timeouts } });
  return core.call<Account>('accounts.save', {
    name: 'Ann',
    fromAddress: 'ann@example.org',
    host: '127.0.0.1',
    port: 2525,
    security: 'none',
    auth: { mechanism: 'none', username: '' },
    incoming: { host: '127.0.0.1', port: imap.port, security: incoming.security, username: incoming.username ?? 'ann', secret: incoming.secret ?? PASSWORD },
  });
}

describe('accounts.testIncoming', () => {
  it('over implicit TLS: an unknown certificate fails with its fingerprint, is pinned for the incoming half only, then the test lists what the server offers', async () => {
    const account = await setUp({ tls: { ...pem, mode: 'implicit' } }, { security: 'tls' });
    const refused = await appError(core!.call('accounts.testIncoming', { id: account.id }));
    expect(refused.code).toBe('TLS_FAILED');
    expect(refused.detail).toMatchObject({ sha256: pem.sha256, subject: expect.stringContaining('imap.test'), issuer: expect.stringContaining('imap.test') });
    expect(typeof refused.detail?.validTo).toBe('string');
    expect(imap!.logins).toEqual([]);

    const trusted = await core!.call<Account>('accounts.trustCertificate', { id: account.id, sha256: refused.detail?.sha256, server: 'incoming' });
    expect(trusted.incoming?.trustedCertificate?.sha256).toBe(pem.sha256);
    expect(trusted.trustedCertificate).toBeNull();

    const test = await core!.call<IncomingConnectionTest>('accounts.testIncoming', { id: account.id });
    expect(test.secure).toBe(true);
    expect(test.certificate?.sha256).toBe(pem.sha256);
    expect(test.capabilities).toEqual({ idle: true, condstore: true, qresync: true, move: true, uidplus: true, specialUse: true, appendLimit: 35651584, auth: ['PLAIN'] });
    expect(test.greeting).toContain('Scripted IMAP ready');
    // The account's sync engine logs in too, once the account has an incoming half: every login is ann's, over TLS.
    expect(imap!.logins.length).toBeGreaterThan(0);
    expect(imap!.logins.every((l) => l.user === 'ann' && l.ok && l.overTls)).toBe(true);
    // The test's connection says goodbye; the sync engine's may still be talking, so not necessarily last.
    expect(imap!.commands.some((c) => /LOGOUT$/.test(c))).toBe(true);
  });

  it('over STARTTLS: the certificate is probed after STARTTLS, and the password is only ever sent encrypted', async () => {
    const account = await setUp({ tls: { ...pem, mode: 'starttls' }, capabilities: ['IMAP4rev1', 'IDLE', 'NAMESPACE'] }, { security: 'starttls' });
    const refused = await appError(core!.call('accounts.testIncoming', { id: account.id }));
    expect(refused.code).toBe('TLS_FAILED');
    expect(refused.detail?.sha256).toBe(pem.sha256);
    await core!.call('accounts.trustCertificate', { id: account.id, sha256: pem.sha256, server: 'incoming' });
    const test = await core!.call<IncomingConnectionTest>('accounts.testIncoming', { id: account.id });
    expect(test.secure).toBe(true);
    expect(test.capabilities).toMatchObject({ idle: true, condstore: false, qresync: false, move: false, uidplus: false, specialUse: false, appendLimit: null });
    expect(imap!.logins.every((l) => l.overTls)).toBe(true);
  });

  it('refuses to pin a fingerprint other than the one the server presents', async () => {
    const account = await setUp({ tls: { ...pem, mode: 'implicit' } }, { security: 'tls' });
    const wrong = pem.sha256.replace(/^../, pem.sha256.startsWith('00') ? '11' : '00');
    const error = await appError(core!.call('accounts.trustCertificate', { id: account.id, sha256: wrong, server: 'incoming' }));
    expect(error.code).toBe('TLS_FAILED');
    expect((await core!.call<Account>('accounts.list', {}).then((list: unknown) => (list as Account[]).find((a) => a.id === account.id)))?.incoming?.trustedCertificate).toBeNull();
  });

  it('a wrong password is AUTH_FAILED with the server\u2019s words, and the password appears in no error', async () => {
    const account = await setUp({}, { security: 'none', secret: 'not the password' });
    const error = await appError(core!.call('accounts.testIncoming', { id: account.id }));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.reason).toMatchObject({ key: 'reason.loginRefused', values: { reply: expect.stringContaining('AUTHENTICATIONFAILED') } });
    expect(JSON.stringify(error)).not.toContain('not the password');
    expect(imap!.logins.length).toBeGreaterThan(0);
    expect(imap!.logins.every((l) => l.user === 'ann' && !l.ok)).toBe(true);
  });

  it('plain text on loopback works and says it is not encrypted', async () => {
    const account = await setUp({}, { security: 'none' });
    const test = await core!.call<IncomingConnectionTest>('accounts.testIncoming', { id: account.id });
    expect(test.secure).toBe(false);
    expect(test.certificate).toBeNull();
  });

  it('nothing listening is NOT_CONNECTED; a server that never greets is TIMEOUT', async () => {
    const account = await setUp({ greeting: 'silent' }, { security: 'none' }, { greeting: 500, connect: 2_000 });
    expect((await appError(core!.call('accounts.testIncoming', { id: account.id }))).code).toBe('TIMEOUT');
    const closed = createServer();
    const port = await new Promise<number>((r) => closed.listen(0, '127.0.0.1', () => r((closed.address() as { port: number }).port)));
    await new Promise((r) => closed.close(r));
    await core!.call('accounts.save', { id: account.id, name: 'Ann', fromAddress: 'ann@example.org', host: '127.0.0.1', port: 2525, security: 'none', auth: { mechanism: 'none', username: '' },
      incoming: { host: '127.0.0.1', port, security: 'none', username: 'ann', secret: PASSWORD } });
    expect((await appError(core!.call('accounts.testIncoming', { id: account.id }))).code).toBe('NOT_CONNECTED');
  });

  it('an account that only sends has nothing to test', async () => {
    core = await startTestCore();
    const error = await appError(core.call('accounts.testIncoming', { id: 'local-sandbox' }));
    expect(error.code).toBe('ILLEGAL_STATE');
  });
});
