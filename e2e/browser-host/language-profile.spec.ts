/** The language chosen in Settings is kept by the core: a new browser profile (empty storage) opens in it. */
import { goTo } from '../support/app';
import { expect, startBrowserHost, test } from '../support/browser-host';

test('a new browser profile opens in the language chosen in Settings', async ({ page, host, browser }) => {
  await page.goto(host.url);
  await goTo(page, 'Settings');
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Русский' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // Each printed address opens one page only: start the app again on the same data for the second profile.
  await page.close();
  await host.stop();
  const again = await startBrowserHost(host.userDataDir);
  // Another profile: no localStorage, an English system.
  const fresh = await browser.newContext({ locale: 'en-US' });
  try {
    const other = await fresh.newPage();
    await other.goto(again.url);
    await expect(other.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(other.getByRole('button', { name: 'Новое письмо', exact: true })).toBeVisible();
    // Changed there, it is kept there too, across a reload.
    await other.getByRole('navigation').getByRole('button', { name: 'Настройки', exact: true }).click();
    await other.getByLabel('Язык', { exact: true }).selectOption({ label: 'Français' });
    await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
    await other.reload();
    await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  } finally {
    await fresh.close();
    await again.stop();
  }
});
