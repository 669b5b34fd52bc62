import type { Page } from '@playwright/test';
import { expect, test } from '../support/browser-host';
import { outboxRow } from '../support/status-recorder';

/** A datetime-local value `minutes` from now, computed in the page so it uses the browser's time zone. */
const localInputValueIn = (page: Page, minutes: number): Promise<string> =>
  page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);

const composeDelay = (page: Page) => page.getByLabel('Undo delay (seconds)', { exact: true });

test('Send later holds the message until then, and it can still be cancelled', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('To', { exact: true }).fill('ada@example.test');
  await page.getByLabel('Subject', { exact: true }).fill('Tomorrow’s notes');
  await page.getByLabel('Message', { exact: true }).fill('Later, not now.');
  // Minute precision: 3 minutes ahead is 2–3 minutes away.
  await page.getByLabel('Send later', { exact: true }).fill(await localInputValueIn(page, 3));
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  const row = outboxRow(page, 'Tomorrow’s notes');
  await expect(row).toContainText('Queued');
  await expect(row).toContainText('Held until');
  await expect(page.getByLabel('Send later', { exact: true })).toHaveValue('');

  await row.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(row).toContainText('Cancelled');
  await expect(row.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('a Send later time in the past is marked and nothing is queued', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('To', { exact: true }).fill('ada@example.test');
  await page.getByLabel('Subject', { exact: true }).fill('Too late');
  const sendLater = page.getByLabel('Send later', { exact: true });
  await sendLater.fill(await localInputValueIn(page, -10));
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(sendLater).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Send later' })).toContainText('must be a time in the future');
  await expect(page.getByRole('list', { name: 'Outbox' }).getByRole('listitem')).toHaveCount(0);
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('the default undo delay is saved in the core and Compose starts with it', async ({ page, host }) => {
  await page.goto(host.url);
  // The core's default until changed.
  await expect(composeDelay(page)).toHaveValue('5');

  const settings = page.getByRole('region', { name: 'Settings' });
  await settings.locator('summary').click();
  const defaultDelay = settings.getByLabel('Default undo delay (seconds)', { exact: true });
  await expect(defaultDelay).toHaveValue('5');

  // A bad value is refused with a reason.
  await defaultDelay.fill('99');
  await settings.getByRole('button', { name: 'Save settings', exact: true }).click();
  await expect(settings.getByRole('alert')).toContainText('from 0 to 60');
  await expect(defaultDelay).toHaveAttribute('aria-invalid', 'true');

  await defaultDelay.fill('9');
  await settings.getByRole('button', { name: 'Save settings', exact: true }).click();
  await expect(settings).toContainText('Settings saved.');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  // Compose follows the setting at once, as the field was not edited.
  await expect(composeDelay(page)).toHaveValue('9');

  await page.reload();
  await expect(composeDelay(page)).toHaveValue('9');
});

test('a delay typed in Compose is kept when the default changes', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(composeDelay(page)).toHaveValue('5');
  await composeDelay(page).fill('20');

  const settings = page.getByRole('region', { name: 'Settings' });
  await settings.locator('summary').click();
  await settings.getByLabel('Default undo delay (seconds)', { exact: true }).fill('2');
  await settings.getByRole('button', { name: 'Save settings', exact: true }).click();
  await expect(settings).toContainText('Settings saved.');
  await expect(composeDelay(page)).toHaveValue('20');
});
