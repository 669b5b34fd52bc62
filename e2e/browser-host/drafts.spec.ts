/** Drafts save themselves while typing and on close, come back after a reload, continue in Compose, and go when sent or discarded. */
import { composeDialog, confirmDialog, goTo, mailboxRow, messageBody, openCompose, openDeliveryOptions, recipientChips } from '../support/app';
import { expect, test } from '../support/browser-host';

test('a draft saves itself while typing, survives a reload, continues in Compose and leaves Drafts when sent', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Half written');
  await dialog.getByLabel('Message', { exact: true }).fill('To be continued');
  // Saved while Compose is still open: no close, no click (the state, not how long it took: the machine may be busy).
  await expect(dialog.getByText(/^Draft saved/)).toBeVisible({ timeout: 20_000 });

  // A reload (or a crash) loses the window, not the draft.
  await page.reload();
  await goTo(page, 'Drafts');
  const row = mailboxRow(page, 'Drafts', 'Half written');
  await expect(row).toContainText('ada@example.test');
  await expect(row).toContainText('Draft');
  await row.click();
  await expect(page.getByRole('region', { name: 'Message details' })).toContainText('To be continued');
  await row.getByRole('button', { name: 'Edit', exact: true }).click();

  const reopened = composeDialog(page);
  await expect(reopened).toHaveAccessibleName('Edit message');
  await expect(recipientChips(reopened, 'To')).toHaveText('ada@example.test');
  await expect(reopened.getByLabel('Subject', { exact: true })).toHaveValue('Half written');
  await expect(messageBody(reopened)).toHaveText('To be continued');
  await messageBody(reopened).press('End');
  await page.keyboard.type(', and done.');
  await openDeliveryOptions(reopened);
  await reopened.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await reopened.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(reopened).toBeHidden();

  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  await expect.poll(() => host.sandboxText(host.sandboxFiles()[0] as string)).toContain('To be continued, and done.');
  await goTo(page, 'Drafts');
  await expect(mailboxRow(page, 'Drafts', 'Half written')).toHaveCount(0);
  // The core deleted it with the same write that queued the message.
  await page.reload();
  await goTo(page, 'Drafts');
  await expect(page.getByText(/^No drafts\./)).toBeVisible();
  await expect(mailboxRow(page, 'Drafts', 'Half written')).toHaveCount(0);
});

test('closing Compose saves the draft at once; Discard deletes it after asking', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('Subject', { exact: true }).fill('Closed quickly');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Reloaded well before the typing delay would have saved it.
  await page.waitForTimeout(300);
  await page.reload();
  await goTo(page, 'Drafts');
  const row = mailboxRow(page, 'Drafts', 'Closed quickly');
  await expect(row).toHaveCount(1);

  await row.getByRole('button', { name: 'Edit', exact: true }).click();
  await composeDialog(page).getByRole('button', { name: 'Discard', exact: true }).click();
  const confirm = confirmDialog(page);
  await expect(confirm).toHaveAccessibleName('Discard this message?');
  // Cancel keeps everything.
  await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(composeDialog(page).getByLabel('Subject', { exact: true })).toHaveValue('Closed quickly');
  await composeDialog(page).getByRole('button', { name: 'Discard', exact: true }).click();
  await confirmDialog(page).getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(composeDialog(page)).toBeHidden();
  await expect(mailboxRow(page, 'Drafts', 'Closed quickly')).toHaveCount(0);
  await page.reload();
  await goTo(page, 'Drafts');
  await expect(page.getByText(/^No drafts\./)).toBeVisible();
  await expect(mailboxRow(page, 'Drafts', 'Closed quickly')).toHaveCount(0);
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('a draft is deleted from Drafts after confirming', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('Subject', { exact: true }).fill('Not needed');
  await page.keyboard.press('Escape');
  await goTo(page, 'Drafts');
  const row = mailboxRow(page, 'Drafts', 'Not needed');
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = confirmDialog(page);
  await expect(confirm).toContainText('The draft “Not needed” is deleted.');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(row).toHaveCount(0);
  // Compose held that draft: it starts empty now.
  await openCompose(page);
  await expect(composeDialog(page).getByLabel('Subject', { exact: true })).toHaveValue('');
  expect(host.sandboxFiles()).toHaveLength(0);
});
