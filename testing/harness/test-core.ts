/**
 * Test helper: a whole core (store, spooler, sandbox SMTP server) in this
 * process. By default the store is fake-indexeddb (memory); pass `sqlite: true`
 * for the real SQLite-backed store used by durability tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { EventName, EventPayload } from '../../shared/contract';
import type { OutboxItem, OutboxState } from '../../shared/model';
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';

export interface TestCore extends Core {
  userDataDir: string;
  seen: { name: EventName; payload: unknown }[];
  call<T = unknown>(name: string, payload: unknown): Promise<T>;
  waitForState(id: string, state: OutboxState, timeoutMs?: number): Promise<OutboxItem>;
  /** Every outbox item, read from the store (no command hands the window a whole mailbox). */
  listOutbox(): OutboxItem[];
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'outbox-core-'));

export async function startTestCore(options: Partial<CoreOptions> & { sqlite?: boolean } = {}): Promise<TestCore> {
  const userDataDir = options.userDataDir ?? tempDir();
  const { sqlite, ...rest } = options;
  const core = await createCore({
    host: 'browser',
    version: 'test',
    ...(sqlite ? {} : { indexedDb: { indexedDB: new IDBFactory(), IDBKeyRange } }),
    ...rest,
    userDataDir,
  });
  // Tests send at once unless they ask for a hold; the app's default undo window is 5 s.
  await core.router.handle('settings.update', { undoSendSeconds: 0 });
  const seen: TestCore['seen'] = [];
  core.events.onAny((name, payload) => seen.push({ name, payload }));

  const call = async <T>(name: string, payload: unknown): Promise<T> => {
    const result = await core.router.handle(name, payload);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { appError: result.error });
    return result.value as T;
  };

  const waitForState = (id: string, state: OutboxState, timeoutMs = 10_000) =>
    new Promise<OutboxItem>((resolve, reject) => {
      const check = async () => {
        const item = await call<OutboxItem>('outbox.get', { id }).catch(() => null);
        if (item?.state === state) {
          clearTimeout(timer);
          unsubscribe();
          resolve(item);
        }
      };
      const unsubscribe = core.events.onAny((name, payload) => {
        if (name === 'outbox:changed' && (payload as EventPayload<'outbox:changed'>).id === id) void check();
      });
      const timer = setTimeout(async () => {
        unsubscribe();
        const item = await call<OutboxItem>('outbox.get', { id }).catch(() => null);
        reject(new Error(`item ${id} did not reach ${state} within ${timeoutMs} ms (it is ${item?.state})`));
      }, timeoutMs);
      void check();
    });

  return Object.assign(core, { userDataDir, seen, call, waitForState, listOutbox: () => core.store.listItems() });
}
