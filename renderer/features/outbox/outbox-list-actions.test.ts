import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItem, OutboxState } from '../../../shared/model';
import { fakeApi, flush, resetStores, type FakeApi } from '../../app/fake-api';
import { outboxHandlers } from '../../app/fake-outbox';
import { useOutboxStore } from '../../store/outbox';
import { useSupersededStore } from '../../store/superseded';
import { makeItem } from '../../store/test-fixtures';
import { useUiStore } from '../../store/ui';
import { connectOutbox, ensureOutboxRows } from './outbox-list-actions';

const item = (n: number, state: OutboxState = 'queued', updatedAt = n): OutboxItem =>
  makeItem({ id: `item-${String(n).padStart(5, '0')}`, state, createdAt: n, updatedAt, text: `body ${n}` });

let items: OutboxItem[] = [];
let fake: FakeApi;
let stop = () => {};

beforeEach(() => {
  resetStores();
  items = [];
});
afterEach(() => stop());

async function start(): Promise<void> {
  fake = fakeApi(outboxHandlers(() => items));
  stop = connectOutbox(fake.api);
  await flush();
}

const windowCalls = () => fake.calls.filter((c) => c.name === 'outbox.window').map((c) => c.request);
const rowIds = () => useOutboxStore.getState().list?.rows.map((r) => r.id) ?? [];
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the outbox lists as windows', () => {
  it('asks for the first window of the list on show, with the counts', async () => {
    items = Array.from({ length: 1000 }, (_, i) => item(i));
    await start();
    expect(windowCalls()).toContainEqual({ view: 'outbox', offset: 0, limit: 150, hidden: [] });
    expect(rowIds()).toHaveLength(150);
    expect(rowIds()[0]).toBe('item-00999');
    expect(useOutboxStore.getState().counts?.queued).toBe(1000);
  });

  it('asks for the window around the rows scrolled to, and not again while they are loaded', async () => {
    items = Array.from({ length: 1000 }, (_, i) => item(i));
    await start();
    const before = windowCalls().length;
    ensureOutboxRows(fake.api, { start: 10, end: 30 });
    expect(windowCalls()).toHaveLength(before);
    ensureOutboxRows(fake.api, { start: 600, end: 620 });
    await flush();
    expect(windowCalls().at(-1)).toMatchObject({ view: 'outbox', offset: 500, limit: 150 });
    expect(useOutboxStore.getState().list?.offset).toBe(500);
    expect(rowIds()[100]).toBe(`item-00${999 - 600}`);
  });

  it('follows the view and the filter', async () => {
    items = [item(1), item(2, 'sent'), item(3, 'failed'), item(4, 'cancelled')];
    await start();
    useUiStore.getState().setView('sent');
    await flush();
    expect(rowIds()).toEqual(['item-00002']);
    useUiStore.getState().setView('outbox');
    useUiStore.getState().setOutboxFilter('failed');
    await flush();
    expect(windowCalls().at(-1)).toMatchObject({ view: 'outbox', state: 'failed' });
    expect(rowIds()).toEqual(['item-00003']);
    useUiStore.getState().setView('drafts');
    await flush();
    expect(rowIds()).toEqual(['item-00004']);
  });

  it('places pushed changes without asking again; changes it cannot place cost one request for a burst', async () => {
    items = [item(2), item(1)];
    await start();
    const before = windowCalls().length;
    // Known rows: placed and counted here.
    items = [item(2, 'sending', 10), item(1)];
    useOutboxStore.getState().upsert(item(2, 'sending', 10));
    expect(useOutboxStore.getState().counts).toMatchObject({ queued: 1, sending: 1 });
    await wait(150);
    expect(windowCalls()).toHaveLength(before);
    // Fifty messages never seen before: each shows at once, the counts come back from the core once.
    for (let n = 100; n < 150; n++) {
      items = [item(n), ...items];
      useOutboxStore.getState().upsert(item(n));
    }
    expect(rowIds()[0]).toBe('item-00149');
    await wait(150);
    await flush();
    expect(windowCalls()).toHaveLength(before + 1);
    expect(useOutboxStore.getState().counts?.queued).toBe(51);
  });

  it('fetches the selected item whole for the details pane', async () => {
    items = [item(1)];
    await start();
    useOutboxStore.getState().select('item-00001');
    await flush();
    expect(useOutboxStore.getState().detail?.text).toBe('body 1');
    expect(useOutboxStore.getState().list?.rows[0]).not.toHaveProperty('text');
  });

  it('leaves hidden (superseded) items out of the rows and counts it asks for', async () => {
    items = [item(1, 'cancelled'), item(2, 'cancelled')];
    await start();
    useSupersededStore.getState().supersede('item-00001');
    await wait(150);
    await flush();
    expect(windowCalls().at(-1)).toMatchObject({ hidden: ['item-00001'] });
    expect(useOutboxStore.getState().counts?.cancelled).toBe(1);
  });
});
