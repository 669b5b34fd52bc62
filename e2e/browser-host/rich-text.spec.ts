/** The rich-text body: toolbar and shortcuts, and what the server receives (HTML with its plain-text alternative). */
import { composeDialog, messageBody, openCompose, openDeliveryOptions } from '../support/app';
import { expect, test } from '../support/browser-host';
import { decodeQuotedPrintable } from '../support/mime';

test('bold, a list and a link by keyboard and toolbar; the server gets multipart/alternative with <strong>', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Formatted');
  const body = messageBody(dialog);
  const toolbar = dialog.getByRole('toolbar', { name: 'Formatting' });
  const bold = toolbar.getByRole('button', { name: 'Bold', exact: true });

  await body.click();
  await page.keyboard.type('Plain, then ');
  await page.keyboard.press('Control+b');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('bold');
  await page.keyboard.press('Control+b');
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.type(' again.');
  await page.keyboard.press('Enter');

  // The toolbar by keyboard: one Tab stop, arrows between its buttons.
  await page.keyboard.press('Tab');
  await expect(bold).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const bullets = toolbar.getByRole('button', { name: 'Bulleted list', exact: true });
  await expect(bullets).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bullets).toHaveAttribute('aria-pressed', 'true');
  await expect(body).toBeFocused();
  await page.keyboard.type('first');
  await page.keyboard.press('Enter');
  await page.keyboard.type('second');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  // A link: Ctrl+K opens the address field, Enter applies it to the inserted address.
  await page.keyboard.press('Control+k');
  const address = dialog.getByLabel('Link address', { exact: true });
  await expect(address).toBeFocused();
  await address.fill('example.test/docs');
  await page.keyboard.press('Enter');
  await expect(body.getByRole('link', { name: 'https://example.test/docs' })).toBeVisible();
  await expect(composeDialog(page)).toBeVisible();

  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();

  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  const eml = () => decodeQuotedPrintable(host.sandboxText(host.sandboxFiles()[0] as string));
  // The file appears as soon as the sandbox starts writing it: wait for the closing boundary.
  await expect.poll(eml).toMatch(/--\r?\n?$/);
  const mime = eml();
  expect(mime).toMatch(/Content-Type: multipart\/alternative/i);
  expect(mime).toContain('<strong>bold</strong>');
  expect(mime).toMatch(/<ul>.*<li>.*first.*<\/li>.*<li>.*second/s);
  expect(mime).toContain('href="https://example.test/docs"');
  // The plain-text alternative says the same in text.
  expect(mime).toContain('Plain, then bold again.');
  expect(mime).toMatch(/^- first\r?$/m);
  expect(mime).toMatch(/^- second\r?$/m);
});

test('a message without formatting goes as plain text only', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Plain');
  await dialog.getByLabel('Message', { exact: true }).fill('Just words.');
  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  await expect.poll(() => host.sandboxText(host.sandboxFiles()[0] as string)).toContain('Just words.');
  expect(host.sandboxText(host.sandboxFiles()[0] as string)).not.toMatch(/text\/html/i);
});
