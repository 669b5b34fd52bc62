/** Durability and start-up recovery on the real SQLite-backed store. */
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
    expect(core.status().phase).toBe('recovering');
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
});
