/**
 * Reading mail by keyboard alone, and new mail: "?" opens the shortcuts help
 * and Escape closes it; mail delivered to the local sandbox shows a notice
 * with Open and the Inbox unread count in the window title; j/k move through
 * the list; c opens Compose; "/" focuses search, where single keys are typed,
 * not obeyed. The help in English, French and Russian; axe clean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { composeDialog } from '../support/app';
import { expect, test } from '../support/browser-host';
import { tabTo } from '../support/keyboard';
import { folderButton, messageRow } from '../support/reader';
import { deliverToSandbox } from '../support/sandbox-smtp';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(serious, `${screen}:\n${report}`).toEqual([]);
}

const mail = (subject: string, minutesAgo: number) =>
  [
    'From: Ada Lovelace <ada@example.test>',
    'To: you@sandbox.test',
    `Subject: ${subject}`,
    `Date: ${new Date(Date.now() - minutesAgo * 60_000).toUTCString()}`,
    `Message-ID: <${subject.toLowerCase()}@example.test>`,
    '',
    `About ${subject}.`,
    '',
  ].join('\r\n');

test('keyboard only: help, new mail notice and title count, j/k through the sandbox Inbox, c and /', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await expect(page.getByRole('status').first()).toContainText('Online');
  await expect(page).toHaveTitle('Outbox Mail');

  // "?" opens the help on its dialog, focus inside; Escape closes it.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await expect(help.getByRole('row')).toHaveCount(15);
  await expect(help.getByRole('row', { name: /Next message/ })).toContainText('j');
  await expectNoSeriousViolations(page, 'shortcuts help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Mail arrives: the newest is announced with Open, and the title counts the unread Inbox mail.
  for (const [subject, minutesAgo] of [['Alpha', 30], ['Beta', 20], ['Gamma', 10]] as const) {
    await deliverToSandbox(host, { from: 'ada@example.test', to: 'you@sandbox.test', raw: mail(subject, minutesAgo) });
  }
  const notice = page.locator('.new-mail-note');
  await expect(notice).toContainText('New mail from Ada Lovelace: Gamma');
  await expect(page).toHaveTitle('Inbox (3) — Outbox Mail');
  await expectNoSeriousViolations(page, 'new mail notice');

  // Open, reached with Tab, shows the message in the sandbox Inbox.
  await tabTo(page, notice.getByRole('button', { name: 'Open', exact: true }), 40);
  await page.keyboard.press('Enter');
  await expect(folderButton(page, 'Local sandbox', 'Inbox')).toHaveAttribute('aria-current', /.+/);
  await expect(messageRow(page, 'Gamma')).toHaveAttribute('aria-current', 'true');
  await expect(notice).toHaveCount(0);

  // j and k move through the list (newest first), wherever focus is outside a field.
  await page.keyboard.press('j');
  await expect(messageRow(page, 'Beta')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('j');
  await expect(messageRow(page, 'Alpha')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('j');
  await expect(messageRow(page, 'Alpha')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('k');
  await expect(messageRow(page, 'Beta')).toHaveAttribute('aria-current', 'true');

  // c opens Compose; in it single keys are typed, not obeyed; Escape closes it.
  await page.keyboard.press('c');
  const compose = composeDialog(page);
  await expect(compose).toBeVisible();
  await expect(compose.getByLabel('To', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(compose).toBeHidden();

  // "/" focuses search; there j is a letter of the query and moves nothing.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.type('j');
  await expect(search).toHaveValue('j');
  await expect(messageRow(page, 'Beta')).toHaveAttribute('aria-current', 'true');
  await expectNoSeriousViolations(page, 'reader after keyboard use');
});

test('the shortcuts help in French and Russian, opened from its sidebar button; focus returns to it', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
  for (const lang of [
    { from: 'Language', label: 'Français', title: 'Raccourcis clavier', next: 'Message suivant', del: 'Suppr', close: 'Fermer' },
    { from: 'Langue', label: 'Русский', title: 'Сочетания клавиш', next: 'Следующее письмо', del: 'Delete', close: 'Закрыть' },
  ]) {
    await page.getByLabel(lang.from, { exact: true }).selectOption({ label: lang.label });
    const button = page.getByRole('navigation').getByRole('button', { name: lang.title, exact: true });
    await tabTo(page, button, 30);
    await page.keyboard.press('Enter');
    const help = page.getByRole('dialog', { name: lang.title });
    await expect(help).toBeVisible();
    await expect(help.getByRole('row', { name: new RegExp(lang.next) })).toContainText('j');
    await expect(help.getByRole('row').filter({ hasText: lang.del })).toHaveCount(1);
    await expect(help.getByRole('button', { name: lang.close, exact: true })).toBeFocused();
    await expectNoSeriousViolations(page, `shortcuts help (${lang.label})`);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(button).toBeFocused();
    // "?" from the button (not a text field) opens it again.
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();
  }
});

test('Send later by keyboard: a preset holds the message until 08:00; the picker speaks French', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.keyboard.press('c');
  const dialog = composeDialog(page);
  await page.keyboard.type('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Morning note');
  const sendLater = dialog.getByLabel('Send later', { exact: true });
  await tabTo(page, dialog.getByRole('button', { name: 'Delivery options', exact: true }), 12);
  await page.keyboard.press('Enter');
  await tabTo(page, sendLater, 4);
  // The options are a native select: the arrows move through them.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(sendLater.locator('option:checked')).toHaveText(/^(Tomorrow morning|Monday morning) \(.*08:00.*\)$/);
  await expect(dialog.getByText(/^Leaves: .*08:00/)).toBeVisible();
  await expectNoSeriousViolations(page, 'Compose with Send later');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Outbox' }).getByRole('listitem').filter({ hasText: 'Morning note' })).toContainText('Held until');

  await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
  await page.getByRole('navigation').getByRole('button', { name: 'Nouveau message', exact: true }).click();
  const nouveau = page.getByRole('dialog', { name: 'Nouveau message' });
  await nouveau.getByRole('button', { name: 'Options d’envoi', exact: true }).click();
  await nouveau.getByLabel('Envoyer plus tard', { exact: true }).selectOption({ label: 'Choisir une date et une heure' });
  await expect(nouveau.getByRole('group', { name: 'Date et heure d’envoi' })).toBeVisible();
  // Days as French writes them (weekday, day, month), hours on the 24-hour clock.
  await expect(nouveau.getByLabel('Jour', { exact: true }).locator('option:checked')).toHaveText(/^[a-z]+\. \d{1,2} [a-zéû]+\.? \d{4}$/);
  await expect(nouveau.getByLabel('Heure', { exact: true }).locator('option:checked')).toHaveText('08 h');
  await expectNoSeriousViolations(page, 'French picker');
});
