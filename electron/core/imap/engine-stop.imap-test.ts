/**
 * Stopping the sync engine at the moment a round ends, as the mail bench and a quitting app do: the
 * engine is then selecting Inbox again to wait there, and imapflow leaves that command pending for
 * ever once its connection is closed under it, so a stop that waited for the loop never ended (it
 * hung the bench and a CI teardown). It must end anyway, and say what it left behind.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/model';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { EventBus } from '../events';
import { openMailCache, type MailCache } from '../mail/mail-cache';
import { SyncEngine } from './sync-engine';

let dovecot: DovecotInstance;
let cache: MailCache;

beforeAll(async () => {
  dovecot = await startDovecot();
  cache = openMailCache(join(mkdtempSync(join(tmpdir(), 'engine-stop-')), 'mail.sqlite'));
}, 60_000);

afterAll(async () => {
  cache?.close();
  await dovecot?.stop();
});

describe('the sync engine, stopped as a round ends', () => {
  it('stops within seconds instead of waiting for a command its closed connection never settles', async () => {
    const events = new EventBus();
    const account = { id: 'stop-test', incoming: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, hasSecret: true, trustedCertificate: null } } as unknown as Account;
    const engine = new SyncEngine({
      account,
      credentials: async () => ({ user: dovecot.user, pass: dovecot.password }),
      cache,
      storeBody: async () => undefined,
      events,
      log: { info: () => undefined, error: () => undefined },
      tuning: { prefetchPerFolder: 0 },
    });
    const synced = new Promise<void>((resolve) =>
      events.onAny((name, payload) => name === 'mail:sync' && (payload as { state: string; lastSyncAt: number | null }).state === 'idle' && (payload as { lastSyncAt: number | null }).lastSyncAt !== null && resolve()),
    );
    engine.start();
    await synced;
    const started = Date.now();
    await engine.stop();
    expect(Date.now() - started).toBeLessThan(12_000);
  }, 60_000);
});
