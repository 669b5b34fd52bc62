/** The reading window, as a user reaches it: an account's folder in the sidebar, a row of the list, the reading pane and its frame. */
import type { FrameLocator, Locator, Page } from '@playwright/test';

/** A folder button under an account's name in the sidebar (role names in the window's language). */
export const folderButton = (page: Page, account: string, folder: string): Locator =>
  page.getByRole('navigation').getByRole('list', { name: account, exact: true }).getByRole('button', { name: folder, exact: true });

export const messageList = (page: Page): Locator => page.locator('.mlist .vlist-rows');

export const messageRow = (page: Page, subject: string): Locator => messageList(page).getByRole('listitem').filter({ hasText: subject });

export const readingPane = (page: Page): Locator => page.locator('.reading-pane');

export const messageFrame = (page: Page): FrameLocator => page.frameLocator('iframe.message-frame');

/** Hosts that are this machine: every other request is one that left it. */
export const isLoopback = (url: string): boolean => {
  if (url.startsWith('blob:') || url.startsWith('data:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
};

/**
 * Records every request that reaches the network layer for a non-loopback
 * host (page.route over the whole context sees each one, frames included)
 * and answers none of them from the network. A load the CSP blocks never
 * gets here: Chromium refuses it before any socket opens (it still shows
 * as a "request" event that fails at once, which is why those are not counted).
 */
export async function recordOutsideRequests(page: Page, answer?: (url: string) => { status: number; contentType: string; body: Buffer } | null): Promise<string[]> {
  const outside: string[] = [];
  await page.context().route(
    (url) => !isLoopback(url.href),
    async (route) => {
      if (!outside.includes(route.request().url())) outside.push(route.request().url());
      const reply = answer?.(route.request().url());
      if (reply) await route.fulfill(reply);
      else await route.abort();
    },
  );
  // A response from outside that bypassed routing (a service worker, a cache) would be counted too.
  page.on('response', (response) => {
    if (!isLoopback(response.url()) && !outside.includes(response.url())) outside.push(response.url());
  });
  return outside;
}
