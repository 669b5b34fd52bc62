/**
 * Compose has room to write: the message body uses the dialog's height, a
 * Maximize button (and Ctrl+Shift+M) makes Compose fill the window, and the
 * delivery options (undo delay, Send later, receipts) wait folded under one
 * "Delivery options" disclosure whose summary says what differs from the defaults.
 * Measured with bounding boxes at 1280×800 and 800×600.
 */
import type { Locator, Page } from '@playwright/test';
import { messageBody, openCompose } from '../support/app';
import { expect, test } from '../support/browser-host';

async function height(locator: Locator): Promise<number> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b.height;
}

/** The window's size as the dialog's box, for "fills the window". */
async function dialogBox(dialog: Locator) {
  const b = await dialog.boundingBox();
  if (!b) throw new Error('Compose is not on screen');
  return b;
}

const SIZES = [
  // Message body heights the user gets, normal and maximized (before: about 116 px in both windows, and no Maximize).
  { width: 1280, height: 800, normal: 300, maximized: 350 },
  { width: 800, height: 600, normal: 140, maximized: 185 },
];

for (const size of SIZES) {
  test(`the message body has room and Compose maximizes (${size.width}×${size.height})`, async ({ page, host }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(host.url);
    const dialog = await openCompose(page);
    const body = messageBody(dialog);
    // The delivery options are folded away until wanted.
    const options = dialog.getByRole('button', { name: 'Delivery options', exact: true });
    await expect(options).toHaveAttribute('aria-expanded', 'false');
    await expect(dialog.getByLabel('Undo delay (seconds)', { exact: true })).toBeHidden();
    const normal = await height(body);
    expect(normal, 'message body height, normal').toBeGreaterThanOrEqual(size.normal);

    // Maximize: the dialog fills the window and the body grows with it.
    const maximize = dialog.getByRole('button', { name: 'Maximize', exact: true });
    await expect(maximize).toHaveAttribute('aria-keyshortcuts', /Control\+Shift\+M/);
    await maximize.click();
    const restore = dialog.getByRole('button', { name: 'Restore size', exact: true });
    await expect(restore).toBeVisible();
    const full = await dialogBox(dialog);
    expect(full.width).toBeGreaterThanOrEqual(size.width - 2);
    expect(full.height).toBeGreaterThanOrEqual(size.height - 2);
    const maximized = await height(body);
    expect(maximized, 'message body height, maximized').toBeGreaterThanOrEqual(size.maximized);
    expect(maximized, 'the body takes the height gained').toBeGreaterThan(normal + 30);

    // The shortcut from the message body restores it, and maximizes again; the text stays.
    await body.click();
    await page.keyboard.type('Still here.');
    await page.keyboard.press('Control+Shift+M');
    await expect(dialog.getByRole('button', { name: 'Maximize', exact: true })).toBeVisible();
    expect((await dialogBox(dialog)).height).toBeLessThan(size.height - 2);
    await expect(body).toBeFocused();
    await page.keyboard.press('Control+Shift+M');
    await expect(restore).toBeVisible();
    await expect(body).toHaveText('Still here.');
  });
}

async function openOptions(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Delivery options', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Delivery options', exact: true })).toHaveAttribute('aria-expanded', 'true');
}

const summary = (page: Page) => page.locator('#compose-delivery-summary');

test('the folded delivery options open, work, and their summary names what differs from the defaults', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await expect(summary(page)).toHaveText('Send now after the undo delay');
  await openOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('30');
  await dialog.getByLabel('Send later', { exact: true }).selectOption('pick');
  await dialog.getByLabel('Ask for a read receipt', { exact: true }).check();
  // Folded again, the summary keeps the choices in view.
  await dialog.getByRole('button', { name: 'Delivery options', exact: true }).click();
  await expect(dialog.getByLabel('Undo delay (seconds)', { exact: true })).toBeHidden();
  await expect(summary(page)).toContainText('Undo delay: 30');
  await expect(summary(page)).toContainText('Send later:');
  await expect(summary(page)).toContainText('read receipt requested');
  // The options keep what was chosen while folded.
  await openOptions(dialog);
  await expect(dialog.getByLabel('Undo delay (seconds)', { exact: true })).toHaveValue('30');
  await expect(dialog.getByLabel('Send later', { exact: true })).toHaveValue('pick');
});

test('Send refused for a bad undo delay opens the folded options at the field', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await openOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('-4');
  await dialog.getByRole('button', { name: 'Delivery options', exact: true }).click();
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog.getByLabel('Undo delay (seconds)', { exact: true })).toBeFocused();
});
