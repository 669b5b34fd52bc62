/** Switching the language in Settings: the whole window follows, plural forms and dates included, and the choice is kept. */
import { goTo, mailboxRow, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';

test('switching to French and Russian, and back', async ({ page, host }) => {
  await page.goto(host.url);
  for (const subject of ['Un', 'Два']) await sendMessage(page, { to: 'ada@example.test', subject, delay: 60 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await goTo(page, 'Settings');

  const language = page.getByLabel('Language', { exact: true });
  await language.selectOption({ label: 'Français' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const nav = page.getByRole('navigation', { name: 'Boîtes' });
  await expect(nav.getByRole('button', { name: 'Boîte d’envoi', exact: true })).toHaveAccessibleDescription('2 messages non envoyés');
  await expect(page.getByRole('region', { name: 'Paramètres' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('En ligne');

  // Kept across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await nav.getByRole('button', { name: 'Boîte d’envoi', exact: true }).click();
  const row = mailboxRow(page, 'Boîte d’envoi', 'Un');
  await expect(row).toContainText('En file');
  await expect(row.getByRole('button', { name: 'Annuler', exact: true })).toBeVisible();
  await row.click();
  // Dates in French.
  await expect(page.getByRole('region', { name: 'Détails du message' })).toContainText(/\d{1,2} \p{L}+\.? \d{4}/u);

  await nav.getByRole('button', { name: 'Paramètres', exact: true }).click();
  await page.getByLabel('Langue', { exact: true }).selectOption({ label: 'Русский' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const navRu = page.getByRole('navigation', { name: 'Папки' });
  // Russian "few" form: 2 письма.
  await expect(navRu.getByRole('button', { name: 'Исходящие', exact: true })).toHaveAccessibleDescription('2 неотправленных письма');
  await navRu.getByRole('button', { name: 'Исходящие', exact: true }).click();
  await expect(mailboxRow(page, 'Исходящие', 'Два')).toContainText('В очереди');
  await expect(page.getByRole('status')).toContainText('2 ждут');

  await navRu.getByRole('button', { name: 'Настройки', exact: true }).click();
  await page.getByLabel('Язык', { exact: true }).selectOption({ label: 'English' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Mailboxes' })).toBeVisible();
  expect(host.sandboxFiles()).toHaveLength(0);
});

test.describe('with a French system language', () => {
  test.use({ locale: 'fr-FR' });
  test('starts in French', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('button', { name: 'Nouveau message', exact: true })).toBeVisible();
  });
});

test('the sidebar names the sandbox in the window language and shows folder names whole (French, Russian)', async ({ page, host }) => {
  await page.goto(host.url);
  const sidebar = page.locator('nav.sidebar');
  // Mail in the sandbox's inbox, so its folder shows a count beside its name (the count is what cut the French name).
  await sendMessage(page, { to: 'ada@example.test', subject: 'Un', delay: 0 });
  await expect(sidebar.locator('.folder-item .nav-count')).toBeVisible({ timeout: 30_000 });
  await goTo(page, 'Settings');
  for (const [option, code, sandbox, inbox] of [
    ['Français', 'fr', 'Bac à sable local', 'Boîte de réception'],
    ['Русский', 'ru', 'Локальная песочница', 'Входящие'],
  ] as const) {
    await page.locator('#settings-language').selectOption({ label: option });
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    // The account heading is the translated name, not the stored English "Local sandbox".
    await expect(sidebar.locator('.account-name')).toHaveText(sandbox);
    await expect(sidebar.getByRole('button', { name: new RegExp(`^${inbox}`) })).toBeVisible();
    // Nothing in the sidebar is cut short: every label shows all of its text at the default width.
    // Measured on the text itself: a label that does not wrap runs out of its box and under the count beside it.
    const clipped = await sidebar.locator('.nav-label, .account-name').evaluateAll((labels) =>
      labels
        .filter((label) => {
          const range = document.createRange();
          range.selectNodeContents(label);
          const text = range.getBoundingClientRect();
          const box = label.getBoundingClientRect();
          const next = label.nextElementSibling;
          const count = next?.classList.contains('nav-count') ? next.getBoundingClientRect() : undefined;
          return text.right > box.right + 1 || text.left < box.left - 1 || (count !== undefined && text.right > count.left);
        })
        .map((label) => label.textContent),
    );
    expect(clipped, `${code}: labels cut short`).toEqual([]);
  }
});
