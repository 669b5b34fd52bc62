/**
 * Ctrl+K links exactly the selected words, whichever way they were selected
 * (Shift+arrows, double-click), in a body with text before and after them;
 * the message the server receives carries that link.
 */
import type { Locator, Page } from '@playwright/test';
import { messageBody, openCompose, openDeliveryOptions } from '../support/app';
import { expect, test } from '../support/browser-host';
import { decodeQuotedPrintable } from '../support/mime';

async function linkAddress(page: Page, dialog: Locator, address: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const field = dialog.getByLabel('Link address', { exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
}

const editorHtml = (body: Locator) => body.evaluate((element) => element.innerHTML);

test('Shift+ArrowLeft over a word, Ctrl+K: that word becomes the link, nothing else changes; the server gets it', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Linked word');
  const body = messageBody(dialog);
  await body.click();
  await page.keyboard.type('Read the engine notes today.');
  // The cursor after "notes", then "notes" selected leftwards, one character at a time.
  for (let i = 0; i < ' today.'.length; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'notes'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await linkAddress(page, dialog, 'example.test/notes');

  await expect(body).toBeFocused();
  const link = body.getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText('notes');
  await expect(link).toHaveAttribute('href', 'https://example.test/notes');
  await expect(body).toHaveText('Read the engine notes today.');
  expect(await editorHtml(body)).toMatch(/^<p>Read the engine <a [^>]*href="https:\/\/example\.test\/notes"[^>]*>notes<\/a> today\.<\/p>$/);

  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  const eml = () => decodeQuotedPrintable(host.sandboxText(host.sandboxFiles()[0] as string));
  await expect.poll(eml).toMatch(/--\r?\n?$/);
  expect(eml()).toMatch(/Read the engine <a [^>]*href="https:\/\/example\.test\/notes"[^>]*>notes<\/a> today\./);
});

test('a double-clicked word, Ctrl+K: that word becomes the link', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  const body = messageBody(dialog);
  await body.click();
  await page.keyboard.type('Before middle after');
  await body.getByText('Before middle after').dblclick({ position: { x: 0, y: 0 }, trial: true });
  // Double-click "middle" where it is drawn.
  const box = await body.evaluate((element) => {
    const text = element.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 7);
    range.setEnd(text, 13);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.dblclick(box.x, box.y);
  await linkAddress(page, dialog, 'https://example.test/middle');

  const link = body.getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText('middle');
  await expect(link).toHaveAttribute('href', 'https://example.test/middle');
  await expect(body).toHaveText('Before middle after');
});

test('a selection over a link and the text around it: the address typed replaces the old one, over exactly that selection', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  const body = messageBody(dialog);
  await body.click();
  await page.keyboard.type('Read the engine notes today.');
  for (let i = 0; i < ' today.'.length; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'notes'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await linkAddress(page, dialog, 'example.test/notes');
  // Now the whole line, the link inside it: one link, the new address only.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await linkAddress(page, dialog, 'example.test/all');
  const link = body.getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText('Read the engine notes today.');
  await expect(link).toHaveAttribute('href', 'https://example.test/all');
});
