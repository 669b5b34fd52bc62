import type { Locator, Page } from '@playwright/test';

/**
 * Records every status word the Outbox list shows, in order, by watching the
 * DOM: transient states such as Sending last milliseconds, too short to poll.
 */
export async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  const list = await page.getByRole('list', { name: 'Outbox' }).elementHandle();
  await page.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    const words = /\b(Queued|Sending|Sent|Failed|Cancelled|Deferred)\b/g;
    const note = () => {
      for (const word of element?.textContent?.match(words) ?? []) if (seen[seen.length - 1] !== word) seen.push(word);
    };
    new MutationObserver(note).observe(element ?? document.body, { subtree: true, childList: true, characterData: true });
  }, list);
  return () => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}

/** True when `expected` appears in `seen` in this order (other words may come between). */
export function inOrder(seen: string[], expected: string[]): boolean {
  let i = 0;
  for (const word of seen) if (word === expected[i]) i++;
  return i === expected.length;
}

export const outboxRow = (page: Page, subject: string): Locator =>
  page.getByRole('list', { name: 'Outbox' }).getByRole('listitem').filter({ hasText: subject });
