/**
 * Read receipts end to end through the local sandbox: asked for in Compose
 * and shown as "Read" when the sandbox (playing the recipient) answers; asked of the user in the
 * reading pane and sent through the outbox; reports in their own folder, and
 * a receipt that matched nothing listed in Settings.
 */
import { details, goTo, mailboxRow, navButton, openCompose, openDeliveryOptions } from '../support/app';
import { expect, test } from '../support/browser-host';
import { folderButton, messageRow, readingPane } from '../support/reader';
import { deliverToSandbox } from '../support/sandbox-smtp';

test('asks for a read receipt from Compose, and the recipient shows Read when it comes back', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Not now', exact: true }).click();
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Minutes');
  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  const ask = dialog.getByRole('checkbox', { name: 'Ask for a read receipt', exact: true });
  await expect(ask).not.toBeChecked();
  await ask.check();
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  expect(host.sandboxText(host.sandboxFiles()[0]!)).toMatch(/^Disposition-Notification-To: <[^>]+@[^>]+>$/m);

  // The sandbox plays Ada's mail program: she reads it and her receipt comes back.
  await goTo(page, 'Sent');
  await mailboxRow(page, 'Sent', 'Minutes').click();
  await expect(details(page)).toContainText(/Read /);
});

test('a sender asks for a read receipt: Send receipt queues one; reports get their folder; an unmatched one is listed', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Not now', exact: true }).click();
  const raw = ['From: Ada <ada@example.test>', 'To: you@sandbox.test', 'Subject: Please confirm', 'Message-ID: <e2e-ask-1@example.test>', 'Disposition-Notification-To: ada@example.test', '', 'Did you get this?', ''].join('\r\n');
  await deliverToSandbox(host, { from: 'ada@example.test', to: 'you@sandbox.test', raw });
  await expect.poll(() => host.sandboxFiles().length).toBe(1);

  await folderButton(page, 'Local sandbox', 'Inbox').click();
  await messageRow(page, 'Please confirm').click();
  const pane = readingPane(page);
  await expect(pane).toContainText('The sender asked for a read receipt.');
  await pane.getByRole('button', { name: 'Send receipt', exact: true }).click();
  await expect(pane).toContainText('A read receipt was sent to ada@example.test.');
  await expect(pane.getByRole('button', { name: 'Send receipt', exact: true })).toHaveCount(0);
  // Out through the outbox to the sandbox, like any message.
  await expect.poll(() => host.sandboxFiles().length).toBe(2);

  await goTo(page, 'Settings');
  // Saved in the core at once; the choice shows once the core has it.
  const inFolder = page.getByRole('radio', { name: 'Also in a “Delivery reports” folder', exact: true });
  await inFolder.click();
  await expect(inFolder).toBeChecked();
  await expect(navButton(page, 'Delivery reports')).toBeVisible();
  // The receipt is about no message sent from here: listed, and openable.
  await expect(async () => {
    await folderButton(page, 'Local sandbox', 'Inbox').click();
    await goTo(page, 'Settings');
    await expect(page.locator('.unmatched-reports')).toContainText('Read: Please confirm', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.locator('.unmatched-reports').getByRole('button', { name: 'Open', exact: true }).click();
  await expect(readingPane(page)).toContainText('Read: Please confirm');
});
