/** Every step by keyboard alone: no mouse, no clicks. */
import { composeDialog, details, mailboxRow, recipientChips, sendMessage } from '../support/app';
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

  // Shift+Tab from the first field goes back to From, Close and Maximize, then wraps to Send: focus never leaves the dialog.
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByLabel('From', { exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Maximize', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Maximize', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(to).toBeFocused();
  await page.keyboard.type('grace@example.test');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // What was typed is kept as a draft; New message, reached by keyboard, starts a fresh one.
  const newMessage = page.getByRole('button', { name: 'New message', exact: true });
  await page.keyboard.press('Tab');
  await expect(newMessage).toBeFocused();
  const drafts = page.getByRole('navigation').getByRole('button', { name: 'Drafts', exact: true });
  await expect(drafts).toHaveAccessibleDescription('1 draft');
  await page.keyboard.press('Enter');
  await expect(to).toBeFocused();
  await expect(to).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The draft, opened by keyboard from Drafts, has it.
  await tabTo(page, drafts, 4);
  await page.keyboard.press('Enter');
  const row = page.getByRole('list', { name: 'Drafts', exact: true }).getByRole('listitem').first();
  await tabTo(page, row, 8);
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(recipientChips(dialog, 'To')).toHaveText('grace@example.test');
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
    // Past Message, the formatting toolbar (one stop) and Attach files to Delivery options, unfolded by keyboard, then the undo delay.
    await tabTo(page, composeDialog(page).getByRole('button', { name: 'Delivery options', exact: true }), 4);
    await page.keyboard.press('Enter');
    await tabTo(page, composeDialog(page).getByLabel('Undo delay (seconds)', { exact: true }), 1);
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

test('keyboard only: recipients become chips, Backspace takes the last one back, a suggestion is taken with the arrows', async ({ page, host }) => {
  await page.goto(host.url);
  // Addresses used before feed the suggestions.
  await sendMessage(page, { to: 'Grace Hopper <grace@example.test>, alan@example.test', subject: 'Earlier', delay: 60 });

  await page.keyboard.press('Control+n');
  const dialog = composeDialog(page);
  const to = dialog.getByLabel('To', { exact: true });
  await expect(to).toBeFocused();
  await page.keyboard.type('ada@example.test, bob@');
  const chips = recipientChips(dialog, 'To');
  await expect(chips).toHaveText('ada@example.test');
  await expect(to).toHaveValue('bob@');
  // Enter finishes the recipient (it never sends); an invalid one is marked with the reason.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(chips.getByRole('listitem')).toHaveCount(2);
  await expect(chips.getByRole('listitem').nth(1)).toContainText('not valid: missing the domain after @');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  // Backspace in the empty field takes it back to fix.
  await page.keyboard.press('Backspace');
  await expect(to).toHaveValue('bob@');
  await page.keyboard.type('example.test');
  await page.keyboard.press('Enter');
  await expect(to).not.toHaveAttribute('aria-invalid', 'true');
  // The arrow keys reach the chips; Delete removes one.
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByRole('button', { name: 'Remove bob@example.test', exact: true })).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(chips.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(to).toBeFocused();

  await page.keyboard.type('hop');
  const suggestions = dialog.getByRole('listbox', { name: 'Addresses used before' });
  await expect(suggestions.getByRole('option')).toHaveCount(1);
  await expect(suggestions.getByRole('option')).toContainText('grace@example.test');
  await page.keyboard.press('ArrowDown');
  await expect(suggestions.getByRole('option')).toHaveAttribute('aria-selected', 'true');
  await expect(to).toHaveAttribute('aria-activedescendant', /option-0$/);
  await page.keyboard.press('Enter');
  await expect(chips).toContainText('Grace Hopper <grace@example.test>');
  await expect(suggestions).toBeHidden();
  // Escape closes the suggestions, not Compose.
  await page.keyboard.type('al');
  await expect(suggestions.getByRole('option')).toContainText('alan@example.test');
  await page.keyboard.press('Escape');
  await expect(suggestions).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(to).toHaveValue('al');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(host.sandboxFiles()).toHaveLength(0);
});
