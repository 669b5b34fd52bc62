/**
 * Failures are never silent: a message bigger than the server's SIZE is
 * flagged in Compose before it is sent (the limit known from the account's
 * connection test), and when sent anyway it fails for good with the reason in
 * the alert band, which stays until dismissed.
 */
import { details, goTo, openCompose, openDeliveryOptions } from '../support/app';
import { expect, test } from '../support/browser-host';
import { outboxRow } from '../support/status-recorder';

test('too big for the server: warned in Compose, and the failure’s reason stays in the alert band', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  // The sandbox's connection test tells the app its SIZE limit.
  await goTo(page, 'Settings');
  const sandbox = page.getByRole('region', { name: 'Settings' }).getByRole('listitem').filter({ hasText: 'Local sandbox' });
  await sandbox.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(sandbox).toContainText('Size limit');
  await expect(sandbox).toContainText('25 MB');

  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Too big');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Attach files', exact: true }).click();
  await (await chooser).setFiles({ name: 'scan.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(20 * 1024 * 1024, 7) });
  await expect(dialog.getByRole('status').filter({ hasText: 'server accepts at most 25 MB' })).toContainText(/This message is about 2\d(\.\d)? MB/, { timeout: 60_000 });

  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();

  const alerts = page.getByRole('region', { name: 'Notifications' });
  const failure = alerts.getByRole('alert').filter({ hasText: '“Too big” could not be sent' });
  await expect(failure).toContainText('the server accepts at most', { timeout: 60_000 });
  // The message is in the Outbox as Failed, with the reason in its row and its details.
  await goTo(page, 'Outbox');
  const row = outboxRow(page, 'Too big');
  await expect(row).toContainText('Failed');
  await row.click();
  await expect(details(page)).toContainText('The message is bigger than the server accepts.');
  // Nothing left to cancel: Delete takes Cancel's place.
  await expect(row.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
  // It stays until dismissed.
  await page.waitForTimeout(1500);
  await expect(failure).toBeVisible();
  await failure.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(failure).toHaveCount(0);
  expect(host.sandboxFiles()).toHaveLength(0);
});
