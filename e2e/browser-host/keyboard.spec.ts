/** Every step by keyboard alone: no mouse, no clicks. */
import { composeDialog, details, mailboxRow } from '../support/app';
import { expect, test } from '../support/browser-host';
import { tabTo } from '../support/keyboard';
import { outboxRow } from '../support/status-recorder';

test('keyboard only: open Compose, write, send with Ctrl+Enter, then follow the message in the list', async ({ page, host }) => {
  await page.goto(host.url);
  const newMessage = page.getByRole('button', { name: 'New message', exact: true });
  await expect(page.getByRole('status')).toContainText('Online');

  // The first stop in the page is New message.
  await page.keyboard.press('Tab');
  await expect(newMessage).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = composeDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('To', { exact: true })).toBeFocused();
  await page.keyboard.type('Ada Lovelace <ada@example.test>');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Cc', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Bcc', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Typed, not clicked');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Message', { exact: true })).toBeFocused();
  await page.keyboard.type('Sent without touching the mouse.');
  await page.keyboard.press('Control+Enter');

  // Queued: the dialog closes and focus goes back to New message.
  await expect(dialog).toBeHidden();
  await expect(newMessage).toBeFocused();
  await expect(details(page)).toContainText('Typed, not clicked');
  await expect(details(page).getByText('Sent', { exact: true })).toBeVisible();
  await expect.poll(() => host.sandboxFiles().length).toBe(1);

  // Tab walks the sidebar to Sent; Enter opens it; Tab reaches its list, where the message is selected.
  const sent = page.getByRole('navigation').getByRole('button', { name: 'Sent', exact: true });
  await tabTo(page, sent, 6);
  await page.keyboard.press('Enter');
  await expect(sent).toHaveAttribute('aria-current', 'page');
  const row = mailboxRow(page, 'Sent', 'Typed, not clicked');
  await tabTo(page, row, 8);
  await expect(row).toHaveAttribute('aria-current', 'true');
});

test('keyboard only: the Compose dialog keeps focus inside, Escape closes it and focus returns', async ({ page, host }) => {
  await page.goto(host.url);
  await page.keyboard.press('Control+n');
  const dialog = composeDialog(page);
  await expect(dialog).toBeVisible();
  const to = dialog.getByLabel('To', { exact: true });
  await expect(to).toBeFocused();

  // Shift+Tab from the first field goes back to the Close button, then wraps to Send: focus never leaves the dialog.
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();

  await page.keyboard.press('Tab');
  await page.keyboard.type('grace@example.test');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Reopened by keyboard from the New message button: what was typed is still there.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'New message', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(to).toHaveValue('grace@example.test');
  await page.keyboard.press('Escape');
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('keyboard only: arrows move through the Outbox, and Cancel is reached and used with the keyboard', async ({ page, host }) => {
  await page.goto(host.url);
  for (const subject of ['First', 'Second', 'Third']) {
    await page.keyboard.press('Control+n');
    await page.keyboard.type('ada@example.test');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.type(subject);
    // Past Message and Attach files to the undo delay.
    await tabTo(page, composeDialog(page).getByLabel('Undo delay (seconds)', { exact: true }), 4);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('60');
    await page.keyboard.press('Control+Enter');
    await expect(composeDialog(page)).toBeHidden();
  }
  // Newest first; the last one sent is selected and holds the list's tab stop: Tab reaches it.
  const third = outboxRow(page, 'Third');
  await tabTo(page, third, 10);
  await page.keyboard.press('ArrowDown');
  await expect(outboxRow(page, 'Second')).toBeFocused();
  await expect(outboxRow(page, 'Second')).toHaveAttribute('aria-current', 'true');
  await expect(details(page)).toContainText('Second');
  await page.keyboard.press('End');
  await expect(outboxRow(page, 'First')).toBeFocused();

  // Tab moves from the row into its actions: Edit, then Cancel.
  await page.keyboard.press('Tab');
  await expect(outboxRow(page, 'First').getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  const cancel = outboxRow(page, 'First').getByRole('button', { name: 'Cancel', exact: true });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(outboxRow(page, 'First')).toHaveCount(0);
  // Focus stays in the list rather than falling to the page.
  await expect(page.getByRole('list', { name: 'Outbox' }).getByRole('listitem').first()).toBeFocused();
});
