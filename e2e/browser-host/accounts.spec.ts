/** Settings → Accounts: add, test (a clear error when nothing listens), make default, edit without seeing the password, remove. */
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { composeDialog, confirmDialog, goTo, openCompose } from '../support/app';
import { expect, test } from '../support/browser-host';

/** A loopback port nobody listens on: taken from the system, then given back. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const accountForm = (page: Page) => page.getByRole('dialog', { name: /^(Add an account|Edit account)$/ });
const accountItem = (page: Page, name: string) => page.getByRole('region', { name: 'Settings' }).getByRole('listitem').filter({ hasText: name });

test('add an account on 127.0.0.1 without encryption; Test connection says clearly that nothing answers', async ({ page, host }) => {
  const port = await unusedPort();
  await page.goto(host.url);
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add account', exact: true }).click();
  await page.getByRole('button', { name: 'Set up by hand', exact: true }).click();
  const form = accountForm(page);
  await expect(form).toHaveAccessibleName('Add an account');

  // Mistakes are named before anything is sent to the core.
  await form.getByRole('button', { name: 'Save account', exact: true }).click();
  await expect(form.getByLabel('Account name', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Account name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('Enter a name for the account.');

  await form.getByLabel('Account name', { exact: true }).fill('Local relay');
  await form.getByLabel('Your name', { exact: true }).fill('Ada Lovelace');
  await form.getByLabel('E-mail address', { exact: true }).fill('ada@example.test');
  await form.getByLabel('Server', { exact: true }).fill('smtp.example.test');
  await form.getByLabel('Security', { exact: true }).selectOption({ label: 'None — this computer only' });
  await expect(form.getByLabel('Port', { exact: true })).toHaveValue('25');
  await form.getByLabel('Login method', { exact: true }).selectOption({ label: 'No login' });
  await form.getByRole('button', { name: 'Save account', exact: true }).click();
  await expect(form).toContainText('Without encryption, only this computer (127.0.0.1 or localhost) can be used.');
  await form.getByLabel('Server', { exact: true }).fill('127.0.0.1');
  await form.getByLabel('Port', { exact: true }).fill(String(port));
  // Default delivery receipts are part of the account.
  await form.getByLabel('Notify on delay', { exact: true }).uncheck();
  await form.getByRole('button', { name: 'Save account', exact: true }).click();
  await expect(form).toBeHidden();

  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings).toContainText('Account “Local relay” saved.');
  const item = accountItem(page, 'Local relay');
  await expect(item).toContainText(`127.0.0.1, port ${port}`);
  // A new account does not silently take over: the account in use stays the default until the user says so.
  await expect(item.getByRole('button', { name: 'Make default', exact: true })).toBeVisible();
  await item.getByRole('button', { name: 'Make default', exact: true }).click();
  await expect(item).toContainText('Default');
  await expect(page.getByRole('status')).toContainText('Sending as Ada Lovelace <ada@example.test>');

  await item.getByRole('button', { name: 'Test connection', exact: true }).click();
  const failure = item.getByRole('alert');
  await expect(failure).toContainText('Could not connect to the server. Check the server name, the port and the security setting.');
  await expect(failure).toContainText(String(port));

  // Compose sends from it, with its receipts as the starting point.
  const dialog = await openCompose(page);
  await expect(dialog.getByLabel('From', { exact: true })).toHaveValue(/.+/);
  await expect(dialog.getByLabel('From', { exact: true }).locator('option:checked')).toHaveText('Local relay — Ada Lovelace <ada@example.test>');
  await expect(dialog).toContainText('Requested: notify on success and failure; return headers only.');
  await page.keyboard.press('Escape');
  await expect(composeDialog(page)).toBeHidden();
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('a saved password is never shown; the sandbox can be made the default again; an account can be removed', async ({ page, host }) => {
  await page.goto(host.url);
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add account', exact: true }).click();
  await page.getByRole('button', { name: 'Set up by hand', exact: true }).click();
  let form = accountForm(page);
  await form.getByLabel('Account name', { exact: true }).fill('Work');
  await form.getByLabel('E-mail address', { exact: true }).fill('ann@example.test');
  await form.getByLabel('Server', { exact: true }).fill('smtp.example.test');
  await form.getByLabel('Security', { exact: true }).selectOption('tls');
  await expect(form.getByLabel('Port', { exact: true })).toHaveValue('465');
  await form.getByLabel('User name', { exact: true }).fill('ann');
  const password = form.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('type', 'password');
  await password.fill('s3cret-pass');
  await form.getByRole('button', { name: 'Save account', exact: true }).click();
  await expect(form).toBeHidden();

  const item = accountItem(page, 'Work');
  await expect(item).toContainText('Password saved');
  await expect(page.locator('body')).not.toContainText('s3cret-pass');
  await item.getByRole('button', { name: 'Edit', exact: true }).click();
  form = accountForm(page);
  await expect(form).toHaveAccessibleName('Edit account');
  await expect(form.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(form.getByLabel('Password', { exact: true })).toHaveAccessibleDescription('Password saved. Leave the field empty to keep it.');
  await form.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(form).toBeHidden();

  // A new account is not the default until chosen; once chosen, the sandbox can be chosen again.
  await item.getByRole('button', { name: 'Make default', exact: true }).click();
  await expect(item).toContainText('Default');
  const sandbox = accountItem(page, 'Local sandbox');
  await sandbox.getByRole('button', { name: 'Make default', exact: true }).click();
  await expect(sandbox).toContainText('Default');
  await expect(item.getByRole('button', { name: 'Make default', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Local sandbox');

  await item.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(confirmDialog(page)).toContainText('“Work” and its saved password are removed');
  await confirmDialog(page).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(item).toHaveCount(0);
  expect(host.sandboxFiles()).toHaveLength(0);
});
