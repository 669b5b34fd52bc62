/**
 * Answering and filing received mail in the browser host, with the local
 * sandbox as the mailbox: Reply fills Compose from the message (sender,
 * "Re:" subject, quote) and the reply arrives threaded; Reply all keeps Cc;
 * Forward carries the attachment; Archive and Undo, Star, Delete; in English,
 * French and Russian, axe clean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/browser-host';
import { folderButton, messageRow, readingPane } from '../support/reader';
import { htmlWithAttachment } from '../support/reader-mail';
import { deliverToSandbox } from '../support/sandbox-smtp';

const LANGUAGES = [
  { label: 'English', settings: 'Settings', account: 'Local sandbox', inbox: 'Inbox', archive: 'Archive', reply: 'Reply', replyAll: 'Reply all', forward: 'Forward', archiveButton: 'Archive', undo: 'Undo', star: 'Star', unstar: 'Unstar', send: 'Send', subject: 'Subject' },
  { label: 'Français', settings: 'Paramètres', account: 'Bac à sable local', inbox: 'Boîte de réception', archive: 'Archives', reply: 'Répondre', replyAll: 'Répondre à tous', forward: 'Transférer', archiveButton: 'Archiver', undo: 'Annuler', star: 'Suivre', unstar: 'Ne plus suivre', send: 'Envoyer', subject: 'Objet' },
  { label: 'Русский', settings: 'Настройки', account: 'Локальная песочница', inbox: 'Входящие', archive: 'Архив', reply: 'Ответить', replyAll: 'Ответить всем', forward: 'Переслать', archiveButton: 'В архив', undo: 'Отменить', star: 'Отметить', unstar: 'Снять отметку', send: 'Отправить', subject: 'Тема' },
] as const;

const plainMail = (subject: string, messageId: string): string =>
  [
    'From: Ada Lovelace <ada@example.test>',
    'To: You <you@sandbox.test>',
    'Cc: Charles <charles@example.test>',
    `Subject: ${subject}`,
    `Message-ID: <${messageId}>`,
    'Date: Tue, 01 Dec 2026 09:30:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The engine runs.',
    '',
  ].join('\r\n');

async function noSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('iframe.message-frame').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const lang of LANGUAGES) {
  test(`reply, reply all, forward, archive and undo, star (${lang.label})`, async ({ page, host }) => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Not now', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Language', { exact: true }).selectOption({ label: lang.label });
    await expect(page.getByRole('navigation').getByRole('button', { name: lang.settings, exact: true })).toBeVisible();

    const subject = `AW: Engine ${lang.label}`;
    await deliverToSandbox(host, { from: 'ada@example.test', to: 'you@sandbox.test', raw: plainMail(subject, `engine-${lang.label.length}@example.test`) });
    await deliverToSandbox(host, { from: 'ada@example.test', to: 'you@sandbox.test', raw: htmlWithAttachment(`Tables ${lang.label}`, 'a,b\n') });
    await folderButton(page, lang.account, lang.inbox).click();
    await messageRow(page, subject).click();
    await expect(readingPane(page)).toContainText('The engine runs.');
    await noSeriousViolations(page);

    // Reply (the "r" key): the sender, one standard prefix, the quote; sent, it arrives.
    await expect(readingPane(page).getByRole('button', { name: lang.reply, exact: true })).toBeVisible();
    await messageRow(page, subject).focus();
    await page.keyboard.press('r');
    const compose = page.getByRole('dialog').filter({ has: page.locator('#compose-title') });
    await expect(compose).toBeVisible();
    await expect(compose).toContainText('ada@example.test');
    await expect(compose.getByLabel(lang.subject, { exact: true })).toHaveValue(`Re: Engine ${lang.label}`);
    await expect(compose.locator('#compose-message')).toContainText('The engine runs.');
    await compose.getByRole('button', { name: lang.send, exact: true }).click();
    await expect(compose).toBeHidden();
    await expect(messageRow(page, `Re: Engine ${lang.label}`)).toBeVisible({ timeout: 30_000 });

    // Reply all keeps Cc.
    await messageRow(page, subject).click();
    await readingPane(page).getByRole('button', { name: lang.replyAll, exact: true }).click();
    await expect(compose).toBeVisible();
    await expect(compose).toContainText('charles@example.test');
    await page.keyboard.press('Escape');
    await expect(compose).toBeHidden();

    // Forward carries the attachment.
    await messageRow(page, `Tables ${lang.label}`).click();
    await expect(readingPane(page).getByRole('button', { name: lang.forward, exact: true })).toBeVisible();
    await messageRow(page, `Tables ${lang.label}`).focus();
    await page.keyboard.press('f');
    await expect(compose).toBeVisible();
    await expect(compose.getByLabel(lang.subject, { exact: true })).toHaveValue(`Fwd: Tables ${lang.label}`);
    await expect(compose).toContainText('table.txt');
    await page.keyboard.press('Escape');
    await expect(compose).toBeHidden();

    // Star, then Archive (keyboard on the button) and Undo.
    await messageRow(page, subject).click();
    await readingPane(page).getByRole('button', { name: lang.star, exact: true }).click();
    await expect(readingPane(page).getByRole('button', { name: lang.unstar, exact: true })).toBeVisible();
    await readingPane(page).getByRole('button', { name: lang.archiveButton, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(messageRow(page, subject)).toHaveCount(0);
    await expect(folderButton(page, lang.account, lang.archive)).toBeVisible();
    await page.getByRole('button', { name: lang.undo, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(messageRow(page, subject)).toHaveCount(1);
    // And with the keys alone: "e" archives the open message, Ctrl+Z brings it back.
    await messageRow(page, subject).click();
    await expect(readingPane(page)).toContainText('The engine runs.');
    await page.keyboard.press('e');
    await expect(messageRow(page, subject)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(messageRow(page, subject)).toHaveCount(1);
    await noSeriousViolations(page);
  });
}
