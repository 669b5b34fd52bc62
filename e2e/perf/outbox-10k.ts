/**
 * The outbox with 10,000 items, measured in Chromium: first render, and long
 * tasks while scrolling from the top of the list to the bottom.
 *
 * The core cannot easily hold 10,000 items in a test, so the page is the
 * browser host's renderer started with `?bench=outbox10k`: it runs on the
 * in-memory API of the unit tests seeded with 10,000 outbox items
 * (renderer/app/bench-api.ts). The flag is ignored in Electron.
 *
 *   const figures = await measureOutbox10k(page, host.url);
 */
import type { Page } from '@playwright/test';

export interface Outbox10kFigures {
  items: number;
  /** From the app's start (stores connected, render asked for) to the first painted frame with rows. */
  firstRenderMs: number;
  /** The same moment counted from the navigation's start: loading and parsing the scripts included. */
  sinceNavigationMs: number;
  /** Scroll steps taken, one per frame, a screenful each, from the top to the bottom. */
  scrollSteps: number;
  scrollMs: number;
  /** Long tasks (over 50 ms) while scrolling, by duration in ms. */
  longTasks: number[];
  /** The rows in the DOM at the end: the list stays virtualized. */
  renderedRows: number;
}

/**
 * `url`: any page of the browser host (its origin is used), or nothing to stay on the page's own origin.
 * `mode` 'reader100k' measures the reading window's list on an Inbox of 100,000 messages the same way.
 */
export async function measureOutbox10k(page: Page, url = page.url(), mode: 'outbox10k' | 'reader100k' = 'outbox10k'): Promise<Outbox10kFigures> {
  const origin = new URL(url).origin;
  await page.goto(`${origin}/?bench=${mode}`);
  await page.waitForFunction(() => (window as unknown as { __outboxBench?: unknown }).__outboxBench !== undefined, null, { timeout: 30_000 });
  const start = await page.evaluate(() => (window as unknown as { __outboxBench: { items: number; firstRenderMs: number; sinceNavigationMs: number } }).__outboxBench);

  const scroll = await page.evaluate(async (selector) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
    });
    observer.observe({ type: 'longtask', buffered: false });
    const scroller = document.querySelector<HTMLElement>(selector);
    if (!scroller) throw new Error('no list on the page');
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const started = performance.now();
    let steps = 0;
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += scroller.clientHeight;
      steps++;
      await frame();
    }
    // Long tasks are reported after they end: give the last frames time to be counted.
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    return { longTasks, steps, ms: performance.now() - started, rows: scroller.querySelectorAll('.vlist-rows > li').length };
  }, mode === 'reader100k' ? '.mlist .vlist-scroll' : '.vlist-scroll');

  return {
    items: start.items,
    firstRenderMs: Math.round(start.firstRenderMs * 10) / 10,
    sinceNavigationMs: Math.round(start.sinceNavigationMs),
    scrollSteps: scroll.steps,
    scrollMs: Math.round(scroll.ms),
    longTasks: scroll.longTasks,
    renderedRows: scroll.rows,
  };
}
