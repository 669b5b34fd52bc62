/** Durability and start-up recovery on the real SQLite-backed store. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem, SandboxMessage } from '../../../shared/model';
import { startTestCore, tempDir, type TestCore } from '../../../testing/harness/test-core';

// indexeddbshim allows one database folder per process, so every test here shares this one.
const dir = tempDir();
let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('recovery on the SQLite store', () => {
  it('a queued message survives a restart and is sent after it', async () => {
    core = await startTestCore({ sqlite: true, userDataDir: dir });
    const item = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Durable', text: 'x', delaySeconds: 1 });
    await core.close();

    core = await startTestCore({ sqlite: true, userDataDir: dir });
    await core.ready;
    expect(core.status().recovery.total).toBe(1);
    const sent = await core.waitForState(item.id, 'sent', 15_000);
    expect(sent.messageId).toBe(item.messageId);
    expect(sent.warnings).not.toContain('POSSIBLE_DUPLICATE');
  });

  it('re-sends interrupted sends with the same Message-ID, flagging only those handed off', async () => {
    core = await startTestCore({ sqlite: true, userDataDir: dir });
    const a = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Was connecting', text: 'x', delaySeconds: 60 });
    const b = await core.call<OutboxItem>('outbox.submit', { to: 'bob@example.test', subject: 'Was after the dot', text: 'y', delaySeconds: 60 });
    // What a crash leaves behind: one item mid-conversation, one past the final dot with no reply yet.
    const store = core.store;
    await store.commit.write(() => {
      store.putItem({ ...store.getItem(a.id)!, state: 'sending', attempts: 1 });
      store.putItem({ ...store.getItem(b.id)!, state: 'sending', attempts: 1, handedOffAt: Date.now() });
    });
    await core.close();

    core = await startTestCore({ sqlite: true, userDataDir: dir });
    await core.ready;
    expect(core.status()).toMatchObject({ phase: 'ready', recovery: { total: 2, done: 2 } });
    const sentA = await core.waitForState(a.id, 'sent', 15_000);
    const sentB = await core.waitForState(b.id, 'sent', 15_000);
    expect(sentA.warnings).toEqual([]);
    expect(sentB.warnings).toEqual(['POSSIBLE_DUPLICATE']);
    expect(sentB.attempts).toBe(2);
    const received = (await core.call<SandboxMessage[]>('sandbox.list', {})).map((m) => m.messageId);
    expect(received.filter((id) => id === a.messageId)).toHaveLength(1);
    expect(received.filter((id) => id === b.messageId)).toHaveLength(1);
  });

  it('a submit made during recovery waits for it and is accepted after', async () => {
    core = await startTestCore({ sqlite: true, userDataDir: dir });
    const submitted = core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Early', text: 'x' });
    await core.ready;
    expect((await submitted).state).toBe('queued');
  });

  it('sets unreadable and invalid rows aside in quarantine and sends the rest', async () => {
    core = await startTestCore({ sqlite: true, userDataDir: dir });
    // Due a moment after the restart: waiting items are validated when the spooler takes them.
    const submit = (subject: string) => core!.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject, text: 'x', delaySeconds: 1 });
    const good = await submit('Good');
    const garbled = await submit('Garbled');
    const invalid = await submit('Invalid');
    await core.close();
    core = undefined;

    // Damage rows behind the store's back, as a bad disk or an old bug might.
    const sqlite = new Database(join(dir, 'outbox.sqlite'));
    sqlite.prepare('UPDATE items SET json = ? WHERE id = ?').run('{not json', garbled.id);
    const value = JSON.parse((sqlite.prepare('SELECT json FROM items WHERE id = ?').get(invalid.id) as { json: string }).json) as Record<string, unknown>;
    // Still JSON, but no longer an outbox item.
    sqlite.prepare('UPDATE items SET json = ? WHERE id = ?').run(JSON.stringify({ ...value, subject: 42 }), invalid.id);
    sqlite.close();

    core = await startTestCore({ sqlite: true, userDataDir: dir });
    await core.ready;
    await core.waitForState(good.id, 'sent', 15_000);
    await expect.poll(() => core!.store.listQuarantine().length, { timeout: 3000 }).toBe(2);
    const [notJson, notValid] = core.store.listQuarantine().sort((x, y) => (x.id === garbled.id ? -1 : y.id === garbled.id ? 1 : 0));
    expect(notJson).toMatchObject({ id: garbled.id, reason: 'unreadable items row: not JSON', row: '{not json' });
    expect(notValid?.id).toBe(invalid.id);
    expect(notValid?.reason).toMatch(/^invalid row: subject/);
    expect(notValid?.row).toMatchObject({ subject: 42 });
    // Set aside means gone from the outbox, and the rest of the queue went on (Good was sent above).
    const listed = (core.listOutbox()).map((i) => i.id);
    expect(listed).toContain(good.id);
    expect(listed).not.toContain(invalid.id);
    expect(listed).not.toContain(garbled.id);
  });


  it('sets an unreadable row of the settings store aside in the same quarantine as outbox rows', async () => {
    core = await startTestCore({ sqlite: true, userDataDir: dir });
    await core.call('settings.update', { undoSendSeconds: 7 });
    await core.close();
    core = undefined;

    const sqlite = new Database(join(dir, 'db', 'D_outbox-mail.sqlite'));
    sqlite.prepare('UPDATE S_settings SET value = ?').run('{garbled');
    sqlite.close();

    core = await startTestCore({ sqlite: true, userDataDir: dir });
    await core.ready;
    const row = core.store.listQuarantine().find((q) => q.id.startsWith('settings-settings-'));
    expect(row).toMatchObject({ reason: 'unreadable settings row: not JSON', row: '{garbled' });
    // The store opened without it and works: the defaults stand in for the lost row.
    expect((await core.call<{ undoSendSeconds: number }>('settings.get', {})).undoSendSeconds).toBe(0);
  });
});
