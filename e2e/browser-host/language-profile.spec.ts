/** The language chosen in Settings is kept by the core: a new browser profile (empty storage) opens in it. */
import { goTo } from '../support/app';
import { expect, test } from '../support/browser-host';

test('a new browser profile opens in the language chosen in Settings', async ({ page, host, browser }) => {
  await page.goto(host.url);
  await goTo(page, 'Settings');
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Русский' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  // Another profile: no localStorage, an English system.
  const fresh = await browser.newContext({ locale: 'en-US' });
  try {
    const other = await fresh.newPage();
    await other.goto(host.url);
    await expect(other.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(other.getByRole('button', { name: 'Новое письмо', exact: true })).toBeVisible();
    // Changed there, it follows here too once the core says so (after a reload at the latest).
    await other.getByRole('navigation').getByRole('button', { name: 'Настройки', exact: true }).click();
    await other.getByLabel('Язык', { exact: true }).selectOption({ label: 'Français' });
    await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  } finally {
    await fresh.close();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
