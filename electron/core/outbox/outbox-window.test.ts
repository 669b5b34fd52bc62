import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem, OutboxList, OutboxState } from '../../../shared/model';
import { openMailStore, type MailStore } from '../db/mail-store';
import { makeItem } from '../../../testing/harness/fixtures';
import { startTestCore, tempDir, type TestCore } from '../../../testing/harness/test-core';
import { OutboxWindows } from './outbox-window';

const T = 1_800_000_000_000;
const BODY = 'A line of a message that someone wrote and sent. '.repeat(40);

const item = (i: number, state: OutboxState, over: Partial<OutboxItem> = {}): OutboxItem =>
  makeItem({
    id: `item-${String(i).padStart(5, '0')}`,
    state,
    messageId: `<${i}@x.test>`,
    subject: `Message ${i}`,
    text: BODY,
    html: `<p>${BODY}</p>`,
    createdAt: T + i,
    updatedAt: T + i,
    notBefore: T,
    ...over,
  });

let store: MailStore | undefined;
let core: TestCore | undefined;
afterEach(async () => {
  store?.close();
  store = undefined;
  await core?.close();
  core = undefined;
});

async function storeWith(items: OutboxItem[]): Promise<OutboxWindows> {
  store = openMailStore(join(tempDir(), 'outbox.sqlite'));
  const s = store;
  await s.commit.write(() => items.forEach((it) => s.insertItem(it)));
  return new OutboxWindows(s.db);
}

const ids = (list: OutboxList) => list.rows.map((r) => r.id);

describe('the outbox lists as windows (SQL)', () => {
  const mixed = () => [
    item(1, 'queued'),
    item(2, 'sending'),
    item(3, 'deferred'),
    item(4, 'failed'),
    item(5, 'sent'),
    item(6, 'sent'),
    item(7, 'cancelled', { updatedAt: T + 100 }),
    item(8, 'cancelled', { updatedAt: T + 50 }),
    item(9, 'queued'),
  ];

  it('puts each state in its list, newest first, and counts every state', async () => {
    const windows = await storeWith(mixed());
    const outbox = windows.window({ view: 'outbox', offset: 0, limit: 50 });
    expect(ids(outbox)).toEqual(['item-00009', 'item-00004', 'item-00003', 'item-00002', 'item-00001']);
    expect(outbox.total).toBe(5);
    expect(outbox.counts).toEqual({ queued: 2, sending: 1, deferred: 1, sent: 2, failed: 1, cancelled: 2 });
    expect(ids(windows.window({ view: 'sent', offset: 0, limit: 50 }))).toEqual(['item-00006', 'item-00005']);
    // Drafts: most recently changed first, whatever the creation order.
    expect(ids(windows.window({ view: 'drafts', offset: 0, limit: 50 }))).toEqual(['item-00007', 'item-00008']);
  });

  it("narrows the Outbox to one state, with that state's total", async () => {
    const windows = await storeWith(mixed());
    const queued = windows.window({ view: 'outbox', state: 'queued', offset: 0, limit: 50 });
    expect(ids(queued)).toEqual(['item-00009', 'item-00001']);
    expect(queued.total).toBe(2);
  });

  it('sends summaries: no body, no HTML, no threading; what the row shows is there', async () => {
    const windows = await storeWith([item(1, 'sent', { threading: { inReplyTo: '<a@x.test>', references: ['<a@x.test>'] } })]);
    const [row] = windows.window({ view: 'sent', offset: 0, limit: 1 }).rows;
    expect(row).toBeDefined();
    expect(row).not.toHaveProperty('text');
    expect(row).not.toHaveProperty('html');
    expect(row).not.toHaveProperty('threading');
    expect(row).toMatchObject({ id: 'item-00001', subject: 'Message 1', state: 'sent', recipients: item(1, 'sent').recipients });
  });

  it('returns the rows at offset..offset+limit, none past the end, and counts alone for limit 0', async () => {
    const windows = await storeWith(Array.from({ length: 30 }, (_, i) => item(i, 'sent')));
    const page = windows.window({ view: 'sent', offset: 10, limit: 5 });
    expect(ids(page)).toEqual(['item-00019', 'item-00018', 'item-00017', 'item-00016', 'item-00015']);
    expect(page).toMatchObject({ total: 30, offset: 10 });
    expect(ids(windows.window({ view: 'sent', offset: 28, limit: 5 }))).toEqual(['item-00001', 'item-00000']);
    expect(windows.window({ view: 'sent', offset: 30, limit: 5 }).rows).toEqual([]);
    expect(windows.window({ view: 'sent', offset: 500, limit: 5 })).toMatchObject({ total: 30, rows: [] });
    const countsOnly = windows.window({ view: 'sent', offset: 0, limit: 0 });
    expect(countsOnly.rows).toEqual([]);
    expect(countsOnly.counts.sent).toBe(30);
  });

  it('leaves hidden items out of the rows and the counts', async () => {
    const windows = await storeWith(mixed());
    const list = windows.window({ view: 'drafts', offset: 0, limit: 50, hidden: ['item-00007', 'item-00001'] });
    expect(ids(list)).toEqual(['item-00008']);
    expect(list.total).toBe(1);
    expect(list.counts).toMatchObject({ cancelled: 1, queued: 1 });
  });
});

describe('outbox.window through the router', () => {
  it('refuses a malformed request with INVALID_ARG', async () => {
    core = await startTestCore();
    const bad = [
      {},
      { view: 'inbox', offset: 0, limit: 10 },
      { view: 'sent', offset: -1, limit: 10 },
      { view: 'sent', offset: 0, limit: 501 },
      { view: 'sent', offset: 0.5, limit: 10 },
      { view: 'outbox', state: 'sent', offset: 0, limit: 10 },
      { view: 'sent', offset: 0, limit: 10, hidden: ['../../etc'] },
      { view: 'sent', offset: 0, limit: 10, extra: true },
    ];
    for (const request of bad) {
      const result = await core.router.handle('outbox.window', request);
      expect(result.ok, JSON.stringify(request)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_ARG');
    }
  });

  it('answers with the submitted message in the Outbox, its count, and the whole item from outbox.get', async () => {
    core = await startTestCore();
    await core.call('settings.update', { undoSendSeconds: 60 });
    const queued = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Hi', text: 'Body text' });
    const list = await core.call<OutboxList>('outbox.window', { view: 'outbox', offset: 0, limit: 50 });
    expect(list.rows.map((r) => r.id)).toEqual([queued.id]);
    expect(list.counts.queued).toBe(1);
    expect((await core.call<OutboxItem>('outbox.get', { id: queued.id })).text).toBe('Body text');
  });
});

describe('10,000 sent messages', () => {
  it('the first window through the router is a small fraction of the whole list, and comes sooner', async () => {
    core = await startTestCore();
    const c = core;
    // About 2.8 kB each as JSON, like the sent messages the issue measured (27.8 million characters for 10,000).
    const text = 'A line of a message that someone wrote and sent. '.repeat(40);
    const items = Array.from({ length: 10_000 }, (_, i) =>
      item(i, 'sent', {
        text,
        html: null,
        recipients: [{ address: `person${i}@example.test`, name: `Person ${i}`, field: 'to', state: 'accepted', reply: { code: 250, enhanced: '2.0.0', text: 'Ok: queued' } }],
        sentAt: T + i,
      }),
    );
    await c.store.commit.write(() => items.forEach((it) => c.store.insertItem(it)));
    // What a host sends: the router's result as JSON.
    const time = async (name: string, request: unknown): Promise<{ ms: number; chars: number }> => {
      const start = performance.now();
      const chars = JSON.stringify(await c.router.handle(name, request)).length;
      return { ms: performance.now() - start, chars };
    };
    const first = { view: 'sent', offset: 0, limit: 150 };
    await time('outbox.window', first);
    // What the window was sent before windows: every item (outbox.list, now gone), as JSON.
    const wholeStart = performance.now();
    const whole = { chars: JSON.stringify({ ok: true, value: c.store.listItems() }).length, ms: 0 };
    whole.ms = performance.now() - wholeStart;
    const window = await time('outbox.window', first);
    const last = await time('outbox.window', { ...first, offset: 9_850 });
    console.log(
      `outbox lists, 10,000 sent (router → JSON): every item ${whole.chars} chars in ${whole.ms.toFixed(1)} ms; ` +
        `outbox.window first 150 rows ${window.chars} chars in ${window.ms.toFixed(1)} ms; last 150 rows ${last.chars} chars in ${last.ms.toFixed(1)} ms`,
    );
    expect(window.chars * 50).toBeLessThan(whole.chars);
    expect(last.chars * 50).toBeLessThan(whole.chars);
  });
});
