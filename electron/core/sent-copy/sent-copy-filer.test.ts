/**
 * The Sent copy's states on the real SQLite store: `appending` is on disk
 * before the APPEND, a copy found in `appending` after a restart is searched
 * for first, failures wait or fail as they should, and the send's own record
 * is never touched. The IMAP server here is a recording stand-in (the real
 * one, Dovecot, is in sent-copy.imap-test.ts).
 */
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, OutboxItem, SentCopy } from '../../../shared/model';
import { openMailStore, type MailStore } from '../db/mail-store';
import { EventBus } from '../events';
import { OutboxRepository } from '../outbox/repository';
import { loopbackAccount, makeItem } from '../../../testing/harness/fixtures';
import { tempDir } from '../../../testing/harness/test-core';
import { SentCopyFiler } from './sent-copy-filer';
import { initialSentCopy } from './sent-copy-state';

const PENDING: SentCopy = { state: 'pending', folder: null, attempts: 0, notBefore: 0, at: null, reason: null };
const FAST = { firstDelayMs: 60_000, factor: 2, maxDelayMs: 600_000, jitter: 0, giveUpAfterMs: Infinity };

const account = (sentCopy: 'auto' | 'append' | 'server' = 'auto'): Account =>
  loopbackAccount('account-01', 2525, {
    incoming: { host: '127.0.0.1', port: 1143, security: 'none', username: 'ann', hasSecret: true, trustedCertificate: null, sentCopy, draftsOnServer: false },
  });

interface FakeServer {
  capabilities: Map<string, boolean | number>;
  folders: { path: string; flags: Set<string> }[];
  /** Message-IDs per folder. */
  stored: Map<string, string[]>;
  log: string[];
  /** Throws from the next APPEND, once. */
  appendError?: Error;
  createError?: Error;
  connectError?: Error;
  /** Called when the APPEND arrives, before it is stored. */
  onAppend?: () => void;
}

function fakeServer(over: Partial<FakeServer> = {}): FakeServer {
  return { capabilities: new Map([['IMAP4rev1', true]]), folders: [{ path: 'INBOX', flags: new Set() }], stored: new Map(), log: [], ...over };
}

/** Just the part of ImapFlow the filer uses, recording each command. */
function connectTo(server: FakeServer) {
  return async (): Promise<ImapFlow> => {
    server.log.push('connect');
    if (server.connectError) throw server.connectError;
    let selected = '';
    const client = {
      capabilities: server.capabilities,
      list: async () => server.folders.map((f) => ({ ...f, specialUse: undefined })),
      mailboxCreate: async (path: string) => {
        server.log.push(`create ${path}`);
        if (server.createError) throw server.createError;
        server.folders.push({ path, flags: new Set() });
        return { path, created: true };
      },
      mailboxSubscribe: async (path: string) => server.log.push(`subscribe ${path}`) > 0,
      mailboxOpen: async (path: string) => {
        selected = path;
        return { path };
      },
      mailboxClose: async () => true,
      search: async (query: { header: Record<string, string> }) => {
        const id = query.header['message-id'] as string;
        server.log.push(`search ${selected} ${id}`);
        return (server.stored.get(selected) ?? []).flatMap((m, i) => (m === id ? [i + 1] : []));
      },
      append: async (path: string, raw: Buffer, flags: string[], date: Date) => {
        server.log.push(`append ${path} ${flags.join(' ')} ${date.toISOString()}`);
        server.onAppend?.();
        if (server.appendError) {
          const error = server.appendError;
          delete server.appendError;
          throw error;
        }
        if (!server.folders.some((f) => f.path === path)) throw Object.assign(new Error('no such folder'), { serverResponseCode: 'TRYCREATE' });
        const messageId = /^Message-ID: (.*)$/im.exec(raw.toString())?.[1]?.trim() ?? '';
        server.stored.set(path, [...(server.stored.get(path) ?? []), messageId]);
        return { destination: path, uid: 1 };
      },
      logout: async () => undefined,
      close: () => undefined,
    };
    return client as unknown as ImapFlow;
  };
}

let store: MailStore | null = null;
let filer: SentCopyFiler | null = null;
afterEach(async () => {
  await filer?.stop();
  filer = null;
  store?.close();
  store = null;
});

const NOW = 1_900_000_000_000;

function setUp(server: FakeServer, acct: Account = account(), file = join(tempDir(), 'outbox.sqlite')) {
  store = openMailStore(file);
  const repo = new OutboxRepository(store);
  const events = new EventBus();
  const changes: OutboxItem[] = [];
  events.onAny((name, payload) => name === 'outbox:changed' && changes.push(payload as OutboxItem));
  let now = NOW;
  filer = new SentCopyFiler({
    repo,
    events,
    accounts: { get: async () => acct, incomingCredentialsFor: async () => ({ user: 'ann', pass: 'pw' }) },
    render: async (item) => Buffer.from(`Message-ID: ${item.messageId}\r\nSubject: ${item.subject}\r\n\r\nbody\r\n`),
    connect: connectTo(server),
    retry: FAST,
    now: () => now,
  });
  return { repo, store, filer, changes, file, advance: (ms: number) => (now += ms) };
}

const sentItem = (over: Partial<OutboxItem> = {}): OutboxItem =>
  makeItem({ state: 'sent', sentAt: NOW - 1000, recipients: [{ address: 'bob@example.com', field: 'to', state: 'accepted' }], sentCopy: PENDING, ...over });

async function until<T>(read: () => T, ok: (value: T) => boolean): Promise<T> {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`not reached: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the Sent copy at submit', () => {
  it('is pending for an account that receives, skipped when the server files it, absent for the sandbox and send-only accounts', () => {
    expect(initialSentCopy(account('auto'))).toEqual(PENDING);
    expect(initialSentCopy(account('append'))).toEqual(PENDING);
    expect(initialSentCopy(account('server'))).toMatchObject({ state: 'skipped', reason: { key: 'reason.sentCopyServerSetting' } });
    expect(initialSentCopy(loopbackAccount('a', 25))).toBeNull();
    expect(initialSentCopy({ ...account(), sandbox: true })).toBeNull();
  });
});

describe('filing the Sent copy', () => {
  it('writes appending before the APPEND, then filed, and changes nothing else of the sent item', async () => {
    const server = fakeServer({ folders: [{ path: 'INBOX', flags: new Set() }, { path: 'Gesendet', flags: new Set(['\\Sent']) }] });
    const { repo, store: s, filer: f, changes } = setUp(server);
    const item = sentItem();
    await repo.add(item);
    let stateAtAppend: string | undefined;
    server.onAppend = () => (stateAtAppend = s.getItem(item.id)?.sentCopy?.state);
    f.start();
    const done = await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
    expect(stateAtAppend).toBe('appending');
    expect(done.sentCopy).toEqual({ ...PENDING, state: 'filed', folder: 'Gesendet', at: NOW });
    expect({ ...done, sentCopy: null }).toEqual({ ...item, sentCopy: null });
    expect(server.log.filter((l) => l.startsWith('append'))).toEqual([`append Gesendet \\Seen ${new Date(item.createdAt).toISOString()}`]);
    expect(server.stored.get('Gesendet')).toEqual([item.messageId]);
    // Announced once stored, in order.
    await until(() => changes.length, (n) => n >= 2);
    expect(changes.map((c) => c.sentCopy?.state)).toEqual(['appending', 'filed']);
  });

  it('after a restart, a copy left in appending is searched for first: found, it is filed without a second APPEND', async () => {
    const server = fakeServer({ folders: [{ path: 'INBOX', flags: new Set() }, { path: 'Sent', flags: new Set() }] });
    const file = join(tempDir(), 'outbox.sqlite');
    const first = setUp(server, account(), file);
    const item = sentItem({ sentCopy: { ...PENDING, state: 'appending', folder: 'Sent' } });
    await first.repo.add(item);
    // The APPEND reached the server before the crash; its OK did not reach us.
    server.stored.set('Sent', [item.messageId]);
    first.store.close();
    store = null;
    const second = setUp(server, account(), file);
    second.filer.start();
    const done = await until(() => second.store.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
    expect(done.sentCopy?.folder).toBe('Sent');
    expect(server.log.filter((l) => l.startsWith('search') || l.startsWith('append'))).toEqual([`search Sent ${item.messageId}`]);
    expect(server.stored.get('Sent')).toEqual([item.messageId]);
  });

  it('after a restart, a copy left in appending that the server never got is appended once, after the search', async () => {
    const server = fakeServer({ folders: [{ path: 'INBOX', flags: new Set() }, { path: 'Sent Items', flags: new Set() }] });
    const { repo, store: s, filer: f } = setUp(server);
    const item = sentItem({ sentCopy: { ...PENDING, state: 'appending', folder: 'Sent Items' } });
    await repo.add(item);
    f.start();
    await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
    expect(server.log.filter((l) => l.startsWith('search') || l.startsWith('append')).map((l) => l.split(' ')[0])).toEqual(['search', 'append']);
    expect(server.stored.get('Sent Items')).toEqual([item.messageId]);
  });

  it('creates and subscribes "Sent" when the server has no Sent folder', async () => {
    const server = fakeServer();
    const { repo, store: s, filer: f } = setUp(server);
    const item = sentItem();
    await repo.add(item);
    f.start();
    await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
    expect(server.log).toContain('create Sent');
    expect(server.log).toContain('subscribe Sent');
  });

  it('waits and retries later when the server cannot be reached; the send is not touched', async () => {
    const server = fakeServer({ connectError: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const { repo, store: s, filer: f, advance } = setUp(server);
    const item = sentItem();
    await repo.add(item);
    f.start();
    const waiting = await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.attempts === 1);
    expect(waiting.sentCopy).toMatchObject({ state: 'pending', attempts: 1, notBefore: NOW + 60_000, reason: { key: 'reason.imapUnreachable' } });
    expect({ ...waiting, sentCopy: null }).toEqual({ ...item, sentCopy: null });
    delete server.connectError;
    advance(60_000);
    f.resume();
    const done = await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
    expect(done.sentCopy).toMatchObject({ attempts: 1, reason: null });
  });

  it('a line lost during the APPEND leaves appending, and the next try searches before appending', async () => {
    const server = fakeServer({ folders: [{ path: 'INBOX', flags: new Set() }, { path: 'Sent', flags: new Set(['\\Sent']) }] });
    server.appendError = Object.assign(new Error('Connection closed'), { code: 'EConnectionClosed' });
    const { repo, store: s, filer: f, advance } = setUp(server);
    const item = sentItem();
    await repo.add(item);
    f.start();
    const cut = await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.attempts === 1);
    expect(cut.sentCopy).toMatchObject({ state: 'appending', folder: 'Sent' });
    advance(60_000);
    f.resume();
    await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
    expect(server.log.filter((l) => /^(search|append)/.test(l)).map((l) => l.split(' ')[0])).toEqual(['append', 'search', 'append']);
    expect(server.stored.get('Sent')).toEqual([item.messageId]);
  });

  it('fails with a reason when the message is over APPENDLIMIT, and Retry tries again', async () => {
    const server = fakeServer({ capabilities: new Map<string, boolean | number>([['APPENDLIMIT', 20]]), folders: [{ path: 'INBOX', flags: new Set() }, { path: 'Sent', flags: new Set(['\\Sent']) }] });
    const { repo, store: s, filer: f } = setUp(server);
    const item = sentItem();
    await repo.add(item);
    f.start();
    const refused = await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'failed');
    expect(refused.sentCopy?.reason).toMatchObject({ key: 'reason.sentCopyTooBig', values: { limit: 20 } });
    expect(server.log.some((l) => l.startsWith('append'))).toBe(false);
    server.capabilities.delete('APPENDLIMIT');
    await f.retryNow(item.id);
    await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
    await expect(f.retryNow(item.id)).rejects.toMatchObject({ appError: { code: 'ILLEGAL_STATE' } });
  });

  it('fails with a reason when the folder is gone and the server refuses to create it', async () => {
    const server = fakeServer({ folders: [{ path: 'INBOX', flags: new Set() }] });
    const { repo, store: s, filer: f } = setUp(server);
    const item = sentItem({ sentCopy: { ...PENDING, state: 'appending', folder: 'Old Sent' } });
    await repo.add(item);
    server.createError = Object.assign(new Error('Permission denied'), { responseText: 'Permission denied' });
    server.appendError = Object.assign(new Error('Mailbox does not exist'), { serverResponseCode: 'TRYCREATE' });
    f.start();
    const done = await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'failed');
    expect(done.sentCopy?.reason).toMatchObject({ key: 'reason.sentCopyFolderRefused', values: { folder: 'Old Sent', detail: 'Permission denied' } });
  });

  it('skips the copy on Gmail (X-GM-EXT-1) in automatic mode, and appends it when told Always', async () => {
    const gmail = fakeServer({ capabilities: new Map([['X-GM-EXT-1', true]]), folders: [{ path: '[Gmail]/Sent Mail', flags: new Set(['\\Sent']) }] });
    const auto = setUp(gmail);
    const item = sentItem();
    await auto.repo.add(item);
    auto.filer.start();
    const done = await until(() => auto.store.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'skipped');
    expect(done.sentCopy?.reason).toEqual({ key: 'reason.sentCopyServerFiles' });
    expect(gmail.log.some((l) => l.startsWith('append'))).toBe(false);
    await filer?.stop();
    store?.close();

    const always = setUp(gmail, account('append'));
    await always.repo.add(item);
    always.filer.start();
    await until(() => always.store.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
    expect(gmail.stored.get('[Gmail]/Sent Mail')).toEqual([item.messageId]);
  });

  it('does nothing offline and files once back online', async () => {
    const server = fakeServer();
    const { repo, store: s, filer: f } = setUp(server);
    f.setOnline(false);
    const item = sentItem();
    await repo.add(item);
    f.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(server.log).toEqual([]);
    f.setOnline(true);
    await until(() => s.getItem(item.id) as OutboxItem, (i) => i.sentCopy?.state === 'filed');
  });

  it('leaves items not yet sent, and items without a copy, alone', async () => {
    const server = fakeServer();
    const { repo, filer: f } = setUp(server);
    await repo.add(sentItem({ id: 'item-queued', state: 'queued' }));
    await repo.add(sentItem({ id: 'item-nocopy', sentCopy: null }));
    f.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(server.log).toEqual([]);
  });
});
