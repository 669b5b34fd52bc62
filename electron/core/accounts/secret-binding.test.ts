/**
 * A stored password belongs to the server and user name it was entered for.
 * Moving an account to another host, port, security or user name without
 * entering it again must not carry it over: a real server on the new port
 * records every login it is offered, and must never see the old password.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { Account, OutboxItem } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const OLD = 'old password for the first server';
const NEW = 'new password for the second server';

let core: TestCore | undefined;
const servers: SMTPServer[] = [];
afterEach(async () => {
  await core?.close();
  core = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(() => r(undefined)))));
});

/** A plain loopback server that accepts any login and remembers what it was offered. */
async function recordingServer(): Promise<{ port: number; logins: string[]; received: number }> {
  const state = { port: 0, logins: [] as string[], received: 0 };
  const server = new SMTPServer({
    logger: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      state.logins.push(`${auth.username ?? ''}:${auth.password ?? ''}`);
      callback(null, { user: auth.username });
    },
    onData(stream, _s, callback) {
      stream.resume();
      stream.on('end', () => {
        state.received++;
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.server.address() as AddressInfo).port;
  return state;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return (error as { appError: AppError }).appError;
  }
  throw new Error('expected the call to fail');
}

const input = (port: number, over: Record<string, unknown> = {}) => ({
  name: 'Work',
  fromAddress: 'ann@mail.test',
  host: '127.0.0.1',
  port,
  security: 'none',
  auth: { mechanism: 'plain', username: 'ann' },
  ...over,
});

describe('a stored secret is bound to its server and user name', () => {
  it('moving to another port without the password is refused, and the new server never sees the old one', async () => {
    core = await startTestCore();
    const first = await recordingServer();
    const second = await recordingServer();
    const account = await core.call<Account>('accounts.save', input(first.port, { secret: OLD }));

    const moved = await refusal(core.call('accounts.save', input(second.port, { id: account.id })));
    expect(moved.code).toBe('INVALID_ARG');
    expect(moved.reason?.key).toBe('reason.secretForNewServer');
    // Nothing changed: the account still points at the first server with its secret.
    const kept = await core.call<Account[]>('accounts.list', {});
    expect(kept.find((a) => a.id === account.id)).toMatchObject({ port: first.port, hasSecret: true });

    // Entering the password again moves it; the new server gets that one only.
    await core.call<Account>('accounts.save', input(second.port, { id: account.id, secret: NEW }));
    const item = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'bob@mail.test', subject: 'moved', text: 'hi' });
    await core.waitForState(item.id, 'sent');
    expect(second.logins).toEqual([`ann:${NEW}`]);
    expect(second.received).toBe(1);
    expect(first.logins).toEqual([]);
  });

  it('a changed host, security or user name also needs the password again; an unchanged one keeps it', async () => {
    core = await startTestCore();
    const server = await recordingServer();
    const account = await core.call<Account>('accounts.save', input(server.port, { secret: OLD }));
    for (const changed of [{ host: 'localhost' }, { security: 'tls', host: '127.0.0.1' }, { auth: { mechanism: 'plain', username: 'bob' } }]) {
      const refused = await refusal(core.call('accounts.save', input(server.port, { id: account.id, ...changed })));
      expect(refused.reason?.key).toBe('reason.secretForNewServer');
    }
    // Same server and user: the stored password stays and is the one used.
    await core.call<Account>('accounts.save', input(server.port, { id: account.id, name: 'Renamed' }));
    const item = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'bob@mail.test', subject: 'kept', text: 'hi' });
    await core.waitForState(item.id, 'sent');
    expect(server.logins).toEqual([`ann:${OLD}`]);
  });

  it('the incoming half follows the same rule, and its sealed secret is untouched by a refused move', async () => {
    core = await startTestCore();
    const server = await recordingServer();
    const incoming = { host: '127.0.0.1', port: 993, security: 'tls', username: 'ann' };
    const account = await core.call<Account>('accounts.save', input(server.port, { secret: OLD, incoming: { ...incoming, secret: OLD } }));
    const sealed = (await core.db.secrets.get(`${account.id}:incoming`))?.sealed;
    for (const changed of [{ host: 'imap.mail.test' }, { port: 143, security: 'starttls' }, { username: 'bob' }]) {
      const refused = await refusal(core.call('accounts.save', input(server.port, { id: account.id, incoming: { ...incoming, ...changed } })));
      expect(refused.reason?.key).toBe('reason.secretForNewServer');
    }
    expect((await core.db.secrets.get(`${account.id}:incoming`))?.sealed).toBe(sealed);
    const moved = await core.call<Account>('accounts.save', input(server.port, { id: account.id, incoming: { ...incoming, port: 1993, secret: NEW } }));
    expect(moved.incoming).toMatchObject({ port: 1993, hasSecret: true });
    expect(await core.call('accounts.save', input(server.port, { id: account.id, incoming: { ...incoming, port: 1993 } }))).toMatchObject({ incoming: { hasSecret: true } });
  });
});
