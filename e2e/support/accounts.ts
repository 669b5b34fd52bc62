/** Settings → Accounts driven as a user drives it: the form filled field by field and saved. */
import { expect, type Locator, type Page } from '@playwright/test';
import { goTo } from './app';

export const accountForm = (page: Page): Locator => page.getByRole('dialog', { name: /^(Add an account|Edit account)$/ });

/** An account in Settings → Accounts, by the name it was given. */
export const accountItem = (page: Page, name: string): Locator =>
  page.getByRole('region', { name: 'Settings' }).getByRole('listitem').filter({ hasText: name });

export interface NewAccount {
  name: string;
  fromName: string;
  address: string;
  host?: string;
  port: number;
  /** The Security option's value: 'none' (loopback only), 'tls' (implicit) or 'starttls'. */
  security: 'none' | 'tls' | 'starttls';
  /** Password (PLAIN) login; no login when omitted. */
  login?: { username: string; password: string };
}

/** Adds the account through the form and waits until Settings lists it; returns its entry there. */
export async function addAccount(page: Page, account: NewAccount): Promise<Locator> {
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add account', exact: true }).click();
  const form = accountForm(page);
  await expect(form).toHaveAccessibleName('Add an account');
  // The address-first step offers a lookup; these tests fill the servers in themselves.
  await form.getByRole('button', { name: 'Set up by hand', exact: true }).click();
  await form.getByLabel('Account name', { exact: true }).fill(account.name);
  await form.getByLabel('Your name', { exact: true }).fill(account.fromName);
  await form.getByLabel('E-mail address', { exact: true }).fill(account.address);
  await form.getByLabel('Server', { exact: true }).fill(account.host ?? '127.0.0.1');
  // Security first: choosing it puts that mode's usual port in the Port field.
  await form.getByLabel('Security', { exact: true }).selectOption(account.security);
  await form.getByLabel('Port', { exact: true }).fill(String(account.port));
  if (account.login) {
    await form.getByLabel('Login method', { exact: true }).selectOption({ label: 'Password (PLAIN)' });
    await form.getByLabel('User name', { exact: true }).fill(account.login.username);
    await form.getByLabel('Password', { exact: true }).fill(account.login.password);
  } else {
    await form.getByLabel('Login method', { exact: true }).selectOption({ label: 'No login' });
  }
  await form.getByRole('button', { name: 'Save account', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('region', { name: 'Settings' })).toContainText(`Account “${account.name}” saved.`);
  const item = accountItem(page, account.name);
  await expect(item).toContainText(`${account.host ?? '127.0.0.1'}, port ${account.port}`);
  return item;
}

/** How the From chooser names an account: "Peer — Ada Lovelace <ada@example.test>". */
export const fromOption = (account: Pick<NewAccount, 'name' | 'fromName' | 'address'>): string => `${account.name} — ${account.fromName} <${account.address}>`;
