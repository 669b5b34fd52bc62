import type { Page } from '@playwright/test';
import { composeDialog, goTo, localInputValueIn, mailboxRow, messageBody, openCompose, openDeliveryOptions, pickSendLater, recipientChips, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';
import { outboxRow } from '../support/status-recorder';

const composeDelay = (page: Page) => composeDialog(page).getByLabel('Undo delay (seconds)', { exact: true });

test('Send later holds the message until then, and it can still be cancelled', async ({ page, host }) => {
  await page.goto(host.url);
  // Minute precision: 3 minutes ahead is 2–3 minutes away.
  await sendMessage(page, { to: 'ada@example.test', subject: 'Tomorrow’s notes', text: 'Later, not now.', sendAt: await localInputValueIn(page, 3) });

  const row = outboxRow(page, 'Tomorrow’s notes');
  await expect(row).toContainText('Queued');
  await expect(row).toContainText('Held until');
  // Send later belongs to that message: the next one starts empty.
  await openCompose(page);
  await expect(composeDialog(page).getByLabel('Send later', { exact: true })).toHaveValue('');
  await page.keyboard.press('Escape');

  await row.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(row).toHaveCount(0);
  await goTo(page, 'Drafts');
  await expect(mailboxRow(page, 'Drafts', 'Tomorrow’s notes')).toContainText('Cancelled');
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('a Send later time in the past is marked and nothing is queued', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Too late');
  const sendLater = dialog.getByLabel('Send later', { exact: true });
  await pickSendLater(dialog, await localInputValueIn(page, -10));
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(sendLater).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Send later' })).toContainText('must be a time in the future');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('list', { name: 'Outbox' }).getByRole('listitem')).toHaveCount(0);
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('the default undo delay is saved in the core and Compose starts with it', async ({ page, host }) => {
  await page.goto(host.url);
  // The core's default until changed.
  await openCompose(page);
  await expect(composeDelay(page)).toHaveValue('5');
  await page.keyboard.press('Escape');

  await goTo(page, 'Settings');
  const settings = page.getByRole('region', { name: 'Settings' });
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
  await openCompose(page);
  await expect(composeDelay(page)).toHaveValue('9');

  await page.reload();
  await openCompose(page);
  await expect(composeDelay(page)).toHaveValue('9');
});

test('a delay typed in Compose is kept when the default changes', async ({ page, host }) => {
  await page.goto(host.url);
  await openCompose(page);
  await expect(composeDelay(page)).toHaveValue('5');
  await openDeliveryOptions(composeDialog(page));
  await composeDelay(page).fill('20');
  await page.keyboard.press('Escape');

  await goTo(page, 'Settings');
  const settings = page.getByRole('region', { name: 'Settings' });
  await settings.getByLabel('Default undo delay (seconds)', { exact: true }).fill('2');
  await settings.getByRole('button', { name: 'Save settings', exact: true }).click();
  await expect(settings).toContainText('Settings saved.');
  await openCompose(page);
  await expect(composeDelay(page)).toHaveValue('20');
});

test('editing a queued message takes it out of the queue, and the edited version is what goes', async ({ page, host }) => {
  await page.goto(host.url);
  await sendMessage(page, { to: 'ada@example.test', cc: 'charles@example.test', subject: 'Budget', text: 'Total: 100', delay: 30 });
  const row = outboxRow(page, 'Budget');
  await expect(row).toContainText('Queued');

  await row.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = composeDialog(page);
  await expect(dialog).toHaveAccessibleName('Edit message');
  await expect(recipientChips(dialog, 'To')).toHaveText('ada@example.test');
  await expect(recipientChips(dialog, 'Cc')).toHaveText('charles@example.test');
  await expect(messageBody(dialog)).toHaveText('Total: 100');
  await dialog.getByLabel('Message', { exact: true }).fill('Total: 120');
  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();

  await goTo(page, 'Sent');
  await expect(mailboxRow(page, 'Sent', 'Budget')).toHaveCount(1);
  // The draft it replaced is gone from Drafts, and only the edited text reached the server.
  await goTo(page, 'Drafts');
  await expect(mailboxRow(page, 'Drafts', 'Budget')).toHaveCount(0);
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  // The file appears as soon as the sandbox starts writing it: wait for the whole message.
  await expect.poll(() => host.sandboxText(host.sandboxFiles()[0] as string)).toContain('Total: 120');
  expect(host.sandboxText(host.sandboxFiles()[0] as string)).not.toContain('Total: 100');
});

test('Undo right after Send brings the message back into Compose, exactly as it was', async ({ page, host }) => {
  await page.goto(host.url);
  await sendMessage(page, { to: 'ada@example.test', subject: 'Oops', text: 'Not ready yet.', delay: 30 });
  const note = page.getByRole('region', { name: 'Notifications' });
  await expect(note).toContainText('Message queued.');
  await note.getByRole('button', { name: 'Undo', exact: true }).click();

  const dialog = composeDialog(page);
  await expect(dialog).toHaveAccessibleName('Edit message');
  await expect(dialog.getByLabel('Subject', { exact: true })).toHaveValue('Oops');
  await expect(messageBody(dialog)).toHaveText('Not ready yet.');
  await expect(outboxRow(page, 'Oops')).toHaveCount(0);
  expect(host.sandboxFiles()).toHaveLength(0);
});
