/**
 * axe-core on every main screen, in light and dark: no serious or critical
 * violation. The screens hold real messages in several states.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { composeDialog, confirmDialog, goTo, localInputValueIn, mailboxRow, messageBody, openCompose, openDeliveryOptions, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';
import { outboxRow } from '../support/status-recorder';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(serious, `${screen}:\n${report}`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on any main screen (${scheme})`, async ({ page, host }) => {
    // A dozen full axe runs: over a minute on a busy two-core machine.
    test.setTimeout(180_000);
    // A style or script the Content-Security-Policy blocks shows up as a console error.
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await sendMessage(page, { to: 'Ada Lovelace <ada@example.test>', cc: 'charles@example.test', subject: 'Engine notes', text: 'Notes.', delay: 0 });
    await sendMessage(page, { to: 'grace@example.test', subject: 'Compiler review', sendAt: await localInputValueIn(page, 120) });
    await sendMessage(page, { to: 'alan@example.test', subject: 'Second thoughts', delay: 60 });
    await outboxRow(page, 'Second thoughts').getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(outboxRow(page, 'Second thoughts')).toHaveCount(0);

    await outboxRow(page, 'Compiler review').click();
    await expectNoSeriousViolations(page, 'Outbox');

    await goTo(page, 'Sent');
    await mailboxRow(page, 'Sent', 'Engine notes').click();
    await expect(page.getByRole('region', { name: 'Transcript' })).toContainText('250');
    await expectNoSeriousViolations(page, 'Sent');

    await goTo(page, 'Drafts');
    await mailboxRow(page, 'Drafts', 'Second thoughts').click();
    await expectNoSeriousViolations(page, 'Drafts');

    await goTo(page, 'Sandbox inbox');
    await expect(page.getByRole('region', { name: 'Sandbox inbox' })).toContainText('Engine notes');
    await expectNoSeriousViolations(page, 'Sandbox inbox');

    await goTo(page, 'Settings');
    await expectNoSeriousViolations(page, 'Settings');

    const dialog = await openCompose(page);
    await dialog.getByLabel('To', { exact: true }).fill('bob@');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await expectNoSeriousViolations(page, 'Compose (with an error shown)');

    // Compose with chips (one invalid), suggestions open, formatting and the receipts open.
    await dialog.getByLabel('To', { exact: true }).fill('Ada Lovelace <ada@example.test>, bob@, ');
    await expect(dialog.locator('.recipient-chip.is-invalid')).toHaveCount(1);
    await dialog.getByLabel('Cc', { exact: true }).fill('gr');
    await expect(dialog.getByRole('listbox', { name: 'Addresses used before' })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByLabel('Cc', { exact: true })).toHaveAttribute('aria-activedescendant', /option-0$/);
    await expectNoSeriousViolations(page, 'Compose (suggestions open)');
    await page.keyboard.press('Enter');
    await messageBody(dialog).click();
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Bold words');
    await openDeliveryOptions(dialog);
    await dialog.getByRole('button', { name: 'Delivery receipts', exact: true }).click();
    await expect(dialog.getByLabel('Notify on delay', { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'Compose (chips, rich text, receipts open)');

    // Discard asks first.
    await dialog.getByRole('button', { name: 'Discard', exact: true }).click();
    await expect(confirmDialog(page)).toBeVisible();
    await expectNoSeriousViolations(page, 'Discard confirmation');
    await confirmDialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(composeDialog(page)).toBeHidden();

    // The draft it became, in Drafts.
    await goTo(page, 'Drafts');
    await page.getByRole('list', { name: 'Drafts', exact: true }).getByRole('listitem').filter({ hasText: 'Ada Lovelace' }).click();
    await expect(page.getByRole('button', { name: 'Continue writing', exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'Drafts (a saved draft)');

    // Settings → Accounts: the account form, then a failed connection test.
    await goTo(page, 'Settings');
    await page.getByRole('button', { name: 'Add account', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Add an account' });
    await form.getByRole('button', { name: 'Set up by hand', exact: true }).click();
    await form.getByRole('button', { name: 'Save account', exact: true }).click();
    await expect(form.getByText('Enter a name for the account.')).toBeVisible();
    await expectNoSeriousViolations(page, 'Account form (with errors)');
    await form.getByLabel('Account name', { exact: true }).fill('Nowhere');
    await form.getByLabel('E-mail address', { exact: true }).fill('me@example.test');
    await form.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill('9');
    await form.getByLabel('Security', { exact: true }).selectOption('none');
    await form.getByLabel('Login method', { exact: true }).selectOption('none');
    await form.getByRole('button', { name: 'Save account', exact: true }).click();
    await expect(form).toBeHidden();
    const account = page.getByRole('region', { name: 'Settings' }).getByRole('listitem').filter({ hasText: 'Nowhere' });
    await account.getByRole('button', { name: 'Test connection', exact: true }).click();
    await expect(account.getByRole('alert')).toBeVisible();
    await expectNoSeriousViolations(page, 'Settings (accounts, a failed test)');
    expect(errors, 'console errors').toEqual([]);
  });
}
