import type { Locator, Page } from '@playwright/test';
import { mailboxRow } from './app';

/**
 * Records every state the details pane shows for the selected message, in
 * order, by watching the DOM: transient states such as Sending last
 * milliseconds, too short to poll. The pane follows the message from the
 * Outbox to Sent, so the whole journey is seen in one place. Only the state
 * badge is read (`data-state`), not the transcript's text.
 */
export async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  const pane = await page.getByRole('region', { name: 'Message details' }).elementHandle();
  await page.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    const note = () => {
      const word = element?.querySelector('[data-state]')?.textContent?.trim();
      if (word && seen[seen.length - 1] !== word) seen.push(word);
    };
    note();
    new MutationObserver(note).observe(element ?? document.body, { subtree: true, childList: true, characterData: true });
  }, pane);
  return () => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}

/** True when `expected` appears in `seen` in this order (other words may come between). */
export function inOrder(seen: string[], expected: string[]): boolean {
  let i = 0;
  for (const word of seen) if (word === expected[i]) i++;
  return i === expected.length;
}

export const outboxRow = (page: Page, subject: string): Locator => mailboxRow(page, 'Outbox', subject);
