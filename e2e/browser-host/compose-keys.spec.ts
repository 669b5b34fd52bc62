/**
 * Compose's keys as its footer and the README promise them: Escape closes it
 * from the message body too (keeping what was written), and Enter or Tab on a
 * lone suggestion takes the suggestion instead of making an invalid chip.
 */
import { composeDialog, goTo, messageBody, openCompose, recipientChips, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';

test('Escape closes Compose from the message body and keeps the draft', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('Subject', { exact: true }).fill('Escape from the body');
  await messageBody(dialog).click();
  await page.keyboard.type('Some words');
  await page.keyboard.press('Escape');
  await expect(composeDialog(page)).toBeHidden();
  await goTo(page, 'Drafts');
  await expect(page.getByRole('list', { name: 'Drafts', exact: true }).getByRole('listitem').filter({ hasText: 'Escape from the body' })).toHaveCount(1);
});

for (const key of ['Enter', 'Tab'] as const) {
  test(`${key} on the only suggestion takes it`, async ({ page, host }) => {
    await page.goto(host.url);
    await sendMessage(page, { to: 'Grace Hopper <grace@example.test>', subject: 'First', delay: 60 });
    const dialog = await openCompose(page);
    const to = dialog.getByLabel('To', { exact: true });
    await to.pressSequentially('gra');
    const list = dialog.getByRole('listbox', { name: 'Addresses used before' });
    await expect(list.getByRole('option')).toHaveCount(1);
    await page.keyboard.press(key);
    const chips = recipientChips(dialog, 'To').getByRole('listitem');
    await expect(chips).toHaveCount(1);
    await expect(chips.first()).toContainText('Grace Hopper');
    await expect(dialog.locator('.recipient-chip.is-invalid')).toHaveCount(0);
  });
}

test('Enter keeps a complete address typed by hand even when one suggestion is shown', async ({ page, host }) => {
  await page.goto(host.url);
  await sendMessage(page, { to: 'grace@example.test', subject: 'First', delay: 60 });
  const dialog = await openCompose(page);
  const to = dialog.getByLabel('To', { exact: true });
  await to.pressSequentially('gr@example.test');
  await page.keyboard.press('Enter');
  const chips = recipientChips(dialog, 'To').getByRole('listitem');
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toContainText('gr@example.test');
});

test('Send refused for an invalid address says so where it can be seen, even with a long message', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('Subject', { exact: true }).fill('Where is the error');
  await dialog.getByLabel('Message', { exact: true }).fill(Array.from({ length: 40 }, (_, n) => `Line ${n + 1}`).join('\n'));
  await dialog.getByLabel('To', { exact: true }).fill('bob@');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  const refusal = dialog.locator('.form-error[role="alert"]');
  await expect(refusal).toBeVisible();
  // Wholly visible: not scrolled out of Compose's scrolling part.
  await expect(refusal).toBeInViewport({ ratio: 1 });
  await expect(dialog).toBeVisible();
});
