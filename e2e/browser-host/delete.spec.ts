/** Deleting a sent message: asked first, gone from Sent, and still gone after a reload. */
import { confirmDialog, goTo, mailboxRow, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';

test('delete a sent message after confirming', async ({ page, host }) => {
  await page.goto(host.url);
  await sendMessage(page, { to: 'ada@example.test', subject: 'Old news', text: 'Done.', delay: 0 });
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  await goTo(page, 'Sent');
  const row = mailboxRow(page, 'Sent', 'Old news');
  await expect(row).toContainText('1 accepted');

  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = confirmDialog(page);
  await expect(confirm).toHaveAccessibleName('Delete this message?');
  await expect(confirm).toHaveAccessibleDescription(/“Old news” has been sent/);
  // Cancel is the first choice (focused), so Enter right away deletes nothing.
  await expect(confirm.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(1);

  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  await confirmDialog(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(row).toHaveCount(0);
  await page.reload();
  await goTo(page, 'Sent');
  await expect(page.getByText('No sent messages yet.', { exact: true })).toBeVisible();
  await expect(mailboxRow(page, 'Sent', 'Old news')).toHaveCount(0);
});
