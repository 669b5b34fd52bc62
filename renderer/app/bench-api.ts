/**
 * The in-memory core behind `?bench=outbox10k` (see bench-flag.ts): the
 * fake API and data builders of the unit tests, answering with 10,000 outbox items in the
 * waiting and failed states, and a probe that records when the list first
 * shows rows. Loaded only in that mode (a separate chunk).
 */
import type { MailApi } from '../../shared/contract';
import { ok } from '../../shared/errors';
import { DEFAULT_SETTINGS, type OutboxItem, type OutboxState } from '../../shared/model';
import { makeAccount, makeItem, makeStatus } from '../store/test-fixtures';
import { fakeApi } from './fake-api';
import { outboxHandlers, windowOf } from './fake-outbox';

export const BENCH_ITEMS = 10_000;

const STATES: readonly OutboxState[] = ['queued', 'queued', 'deferred', 'deferred', 'failed', 'sending'];
const NAMES = ['Ada Lovelace', 'Charles Babbage', 'Grace Hopper', 'Alan Turing', 'Marie Curie', 'Sofia Kovalevskaya'];

export function benchItems(count = BENCH_ITEMS, now = Date.now()): OutboxItem[] {
  return Array.from({ length: count }, (_, i) => {
    const state = STATES[i % STATES.length] as OutboxState;
    const name = NAMES[i % NAMES.length] as string;
    const id = `bench-${String(i).padStart(6, '0')}`;
    const at = now - i * 1000;
    return makeItem({
      id,
      accountId: 'local-sandbox',
      state,
      messageId: `<${id}@bench.test>`,
      envid: id,
      from: { name: 'You', address: 'you@sandbox.test' },
      recipients: [{ address: `${name.split(' ')[0]?.toLowerCase()}${i}@example.test`, name, field: 'to', state: 'pending' }],
      subject: `Message ${i + 1} of ${count}`,
      text: 'Benchmark item.',
      createdAt: at,
      updatedAt: at,
      notBefore: state === 'deferred' ? now + 600_000 : at,
      attempts: state === 'deferred' || state === 'failed' ? 3 : 0,
      lastReply: state === 'queued' ? null : { code: 451, enhanced: '4.3.0', text: 'Try again later' },
      error: state === 'failed' ? { code: 'SERVER_REJECTED', message: '550 5.1.1 No such user' } : null,
    });
  });
}

export function benchApi(): MailApi {
  const items = benchItems();
  // The core sorts in SQL: the lists the start asks for are sorted here before the clock starts.
  for (const request of [{ view: 'outbox' }, { view: 'outbox', state: 'failed' }, { view: 'sent' }] as const) windowOf(items, { ...request, offset: 0, limit: 0 });
  return fakeApi({
    ...outboxHandlers(() => items),
    'app.status': () => ok(makeStatus({ version: 'bench' })),
    'accounts.list': () =>
      ok([
        makeAccount({
          id: 'local-sandbox',
          name: 'Local sandbox',
          from: { name: 'You', address: 'you@sandbox.test' },
          host: '127.0.0.1',
          port: 2525,
          security: 'none',
          sandbox: true,
        }),
      ]),
    'settings.get': () => ok(DEFAULT_SETTINGS),
    'sandbox.list': () => ok([]),
    'drafts.list': () => ok([]),
    'transcript.get': () => ok([]),
  }).api;
}

export interface BenchResult {
  items: number;
  /** From the app's start (stores connected, first render asked for) to the first painted frame with rows. */
  firstRenderMs: number;
  /** The same moment, from the navigation's start (page load, scripts and all). */
  sinceNavigationMs: number;
}

declare global {
  interface Window {
    __outboxBench?: BenchResult;
  }
}

/** Records, on window.__outboxBench, when the list has rows in a painted frame. */
export function watchFirstRender(startedAt: number, items = BENCH_ITEMS): void {
  const check = () => {
    if (!document.querySelector('.vlist-rows > li:not(.is-loading)')) {
      requestAnimationFrame(check);
      return;
    }
    // The frame with the rows is painted before the next one starts.
    requestAnimationFrame(() => {
      const now = performance.now();
      window.__outboxBench = { items, firstRenderMs: now - startedAt, sinceNavigationMs: now };
    });
  };
  requestAnimationFrame(check);
}
