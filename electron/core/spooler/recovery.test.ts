/** Durability and start-up recovery on the real SQLite-backed store. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem, SandboxMessage } from '../../../shared/model';
import { startTestCore, tempDir, type TestCore } from '../testing/test-core';

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
    const sent = await core.waitForState(item.id, 'sent', 5000);
    expect(sent.messageId).toBe(item.messageId);
    expect(sent.warnings).not.toContain('POSSIBLE_DUPLICATE');
  });

  it('re-sends interrupted sends with the same Message-ID, flagging only those handed off', async () => {
    core = await startTestCore({ sqlite: true, userDataDir: dir });
    const a = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Was connecting', text: 'x', delaySeconds: 60 });
    const b = await core.call<OutboxItem>('outbox.submit', { to: 'bob@example.test', subject: 'Was after the dot', text: 'y', delaySeconds: 60 });
    // What a crash leaves behind: one item mid-conversation, one past the final dot with no reply yet.
    await core.db.items.update(a.id, { state: 'sending', attempts: 1 });
    await core.db.items.update(b.id, { state: 'sending', attempts: 1, handedOffAt: Date.now() });
    await core.close();

    core = await startTestCore({ sqlite: true, userDataDir: dir });
    await core.ready;
    expect(core.status()).toMatchObject({ phase: 'ready', recovery: { total: 2, done: 2 } });
    const sentA = await core.waitForState(a.id, 'sent', 5000);
    const sentB = await core.waitForState(b.id, 'sent', 5000);
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

    const undecodable = await submit('Undecodable');
    await core.close();
    core = undefined;

    // Damage rows behind the store's back, as a bad disk or an old bug might.
    const sqlite = new Database(join(dir, 'db', 'D_outbox-mail.sqlite'));
    const rowOf = (id: string) => sqlite.prepare('SELECT key, value FROM S_items WHERE value LIKE ?').get(`%${id}%`) as { key: string; value: string };
    sqlite.prepare('UPDATE S_items SET value = ? WHERE key = ?').run('{not json', rowOf(garbled.id).key);
    const rewrite = (id: string, change: (value: Record<string, unknown>) => void) => {
      const row = rowOf(id);
      const value = JSON.parse(row.value) as Record<string, unknown>;
      change(value);
      sqlite.prepare('UPDATE S_items SET value = ? WHERE key = ?').run(JSON.stringify(value), row.key);
    };
    // Still decodable, but no longer an outbox item.
    rewrite(invalid.id, (value) => (value.subject = 42));
    // JSON, but its type annotations point at a field that is gone: the shim could not revive it.
    rewrite(undecodable.id, (value) => delete value.recipients);
    sqlite.close();

    core = await startTestCore({ sqlite: true, userDataDir: dir });
    await core.ready;
    // The row that was not even JSON is in a quarantine file; the one that did not validate is in the quarantine table.
    const files = readdirSync(join(dir, 'quarantine'));
    expect(files).toHaveLength(2);
    const setAside = files.map((f) => readFileSync(join(dir, 'quarantine', f), 'utf8')).join('\n');
    expect(setAside).toContain('{not json');
    expect(setAside).toContain(undecodable.id);
    await core.waitForState(good.id, 'sent', 5000);
    await expect.poll(() => core!.db.quarantine.count(), { timeout: 3000 }).toBe(1);
    const quarantined = await core.db.quarantine.toArray();
    expect(quarantined.map((q) => q.id)).toEqual([invalid.id]);
    expect(quarantined[0]?.reason).toMatch(/^invalid row: subject/);
    expect(quarantined[0]?.row).toMatchObject({ subject: 42 });
    // Set aside means gone from the outbox, and the rest of the queue went on (Good was sent above).
    expect((await core.call<OutboxItem[]>('outbox.list', {})).map((i) => i.id)).not.toContain(invalid.id);
  });
});
