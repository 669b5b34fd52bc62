/**
 * NEEDS THE imap-core BRANCH (the sandbox read as a mailbox). Saves the
 * reading window for the README as docs/screenshots/<lang>-reader.png
 * (1280×800): the sandbox's Inbox with an HTML message open. Kept apart from
 * screenshots.spec.ts so that spec still passes where the core cannot read mail.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '../support/browser-host';
import { folderButton, messageFrame, messageRow } from '../support/reader';
import { htmlWithAttachment } from '../support/reader-mail';
import { deliverToSandbox } from '../support/sandbox-smtp';

const OUT = resolve(__dirname, '..', '..', 'docs', 'screenshots');

const SAMPLES = [
  { language: 'en', label: 'English', account: 'Local sandbox', inbox: 'Inbox', subjects: ['Engine notes', 'Lunch on Thursday?', 'Quarterly figures'] },
  { language: 'fr', label: 'Français', account: 'Bac à sable local', inbox: 'Boîte de réception', subjects: ['Notes sur la machine', 'Déjeuner jeudi\u00a0?', 'Chiffres du trimestre'] },
  { language: 'ru', label: 'Русский', account: 'Локальная песочница', inbox: 'Входящие', subjects: ['Заметки о машине', 'Обед в четверг?', 'Квартальные цифры'] },
] as const;

for (const sample of SAMPLES) {
  test(`reading window screenshot (${sample.language})`, async ({ page, host }) => {
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Not now', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Language', { exact: true }).selectOption({ label: sample.label });
    for (const subject of [...sample.subjects].reverse()) {
      await deliverToSandbox(host, { from: 'ada@example.test', to: 'you@sandbox.test', raw: htmlWithAttachment(subject, 'n,value\n1,2\n') });
    }
    await expect.poll(() => host.sandboxFiles().length).toBe(sample.subjects.length);
    await folderButton(page, sample.account, sample.inbox).click();
    // Newest first: the first subject was delivered last (the others' previews mention it too).
    await messageRow(page, sample.subjects[0]).first().click();
    await expect(messageFrame(page).getByRole('heading', { name: 'Engine notes' })).toBeVisible();
    await page.screenshot({ path: join(OUT, `${sample.language}-reader.png`) });
  });
}
