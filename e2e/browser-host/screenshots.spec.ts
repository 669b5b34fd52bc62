/**
 * Saves the main screens in English, French and Russian to
 * docs/screenshots/<lang>-<screen>.png (1280×800), with messages in several
 * states: sent (with the transcript), held by Send later, waiting out the
 * undo delay, and cancelled back to Drafts. English also gets dark versions.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { goTo, localInputValueIn, mailboxRow, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';
import { outboxRow } from '../support/status-recorder';

const OUT = resolve(__dirname, '..', '..', 'docs', 'screenshots');

interface Sample {
  language: 'en' | 'fr' | 'ru';
  /** Option label in the Language select. */
  languageName: string;
  nav: { drafts: string; outbox: string; sent: string; sandbox: string; settings: string; newMessage: string };
  lists: { drafts: string; outbox: string; sent: string };
  messages: {
    sent: [string, string, string];
    sent2: [string, string];
    scheduled: [string, string];
    undo: [string, string];
    draft: [string, string];
    saved: [string, string];
  };
  /** The body, typed as a user types it: a line, a line in bold, then the signature. */
  compose: { to: string; subject: string; text: string; bold: string; signature: string };
  attachment: string;
}

const SAMPLES: Sample[] = [
  {
    language: 'en',
    languageName: 'English',
    nav: { drafts: 'Drafts', outbox: 'Outbox', sent: 'Sent', sandbox: 'Sandbox inbox', settings: 'Settings', newMessage: 'New message' },
    lists: { drafts: 'Drafts', outbox: 'Outbox', sent: 'Sent' },
    messages: {
      sent: ['Ada Lovelace <ada@example.test>', 'Notes on the Analytical Engine', 'Here are my notes, with the table for the Bernoulli numbers.\n\nAda'],
      sent2: ['Grace Hopper <grace@example.test>, team@example.test', 'Compiler review, second draft'],
      scheduled: ['alan@example.test', 'Quarterly report'],
      undo: ['Charles Babbage <charles@example.test>', 'Lunch on Friday?'],
      draft: ['board@example.test', 'Second thoughts on the budget'],
      saved: ['Grace Hopper <grace@example.test>', 'Agenda for the review'],
    },
    compose: { to: 'Ada Lovelace <ada@example.test>', subject: 'Re: Notes on the Analytical Engine', text: 'Thank you, Ada. The table is remarkable.', bold: 'My corrections are in the attached copy.', signature: 'Charles' },
    attachment: 'bernoulli-numbers.csv',
  },
  {
    language: 'fr',
    languageName: 'Français',
    nav: { drafts: 'Brouillons', outbox: 'Boîte d’envoi', sent: 'Envoyés', sandbox: 'Boîte du bac à sable', settings: 'Paramètres', newMessage: 'Nouveau message' },
    lists: { drafts: 'Brouillons', outbox: 'Boîte d’envoi', sent: 'Envoyés' },
    messages: {
      sent: ['Marie Curie <marie@example.test>', 'Mesures du radium', 'Voici les mesures de cette semaine, avec le tableau complet.\n\nMarie'],
      sent2: ['Pierre Curie <pierre@example.test>, labo@example.test', 'Relecture de l’article, deuxième version'],
      scheduled: ['academie@example.test', 'Rapport trimestriel'],
      undo: ['Paul Langevin <paul@example.test>', 'Déjeuner vendredi ?'],
      draft: ['direction@example.test', 'Réflexion faite, le budget'],
      saved: ['Pierre Curie <pierre@example.test>', 'Ordre du jour de la réunion'],
    },
    compose: { to: 'Marie Curie <marie@example.test>', subject: 'Re : Mesures du radium', text: 'Merci Marie, le tableau est remarquable.', bold: 'Mes corrections sont dans la copie jointe.', signature: 'Pierre' },
    attachment: 'mesures-radium.csv',
  },
  {
    language: 'ru',
    languageName: 'Русский',
    nav: { drafts: 'Черновики', outbox: 'Исходящие', sent: 'Отправленные', sandbox: 'Песочница', settings: 'Настройки', newMessage: 'Новое письмо' },
    lists: { drafts: 'Черновики', outbox: 'Исходящие', sent: 'Отправленные' },
    messages: {
      sent: ['Софья Ковалевская <sofia@example.test>', 'Заметки о вращении твёрдого тела', 'Высылаю заметки и таблицу с расчётами.\n\nСофья'],
      sent2: ['Пафнутий Чебышёв <pafnuty@example.test>, kafedra@example.test', 'Отзыв на статью, вторая редакция'],
      scheduled: ['akademia@example.test', 'Квартальный отчёт'],
      undo: ['Андрей Марков <andrey@example.test>', 'Обед в пятницу?'],
      draft: ['rektorat@example.test', 'Передумал насчёт бюджета'],
      saved: ['Пафнутий Чебышёв <pafnuty@example.test>', 'Повестка заседания'],
    },
    compose: { to: 'Софья Ковалевская <sofia@example.test>', subject: 'Re: Заметки о вращении твёрдого тела', text: 'Спасибо, Софья, таблица замечательная.', bold: 'Мои поправки — в приложенной копии.', signature: 'Пафнутий' },
    attachment: 'raschety.csv',
  },
];

test.use({ viewport: { width: 1280, height: 800 } });

async function shoot(page: Page, name: string): Promise<void> {
  // Let transitions settle and the virtualized list measure itself.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

async function dismissNotes(page: Page, label: string): Promise<void> {
  const buttons = page.getByRole('region', { name: label }).getByRole('button', { name: /^(Dismiss|Fermer|Закрыть)$/ });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

for (const sample of SAMPLES) {
  test(`screenshots: ${sample.language}`, async ({ page, host }) => {
    // Many steps, each slow on a busy machine.
    test.setTimeout(300_000);
    mkdirSync(OUT, { recursive: true });
    await page.goto(host.url);
    // The first-start welcome (shown in English, the starting language), then put away so the pictures show the app.
    const welcome = page.getByRole('button', { name: 'Not now', exact: true });
    await expect(welcome).toBeVisible();
    if (sample.language === 'en') await shoot(page, 'en-welcome');
    await welcome.click();
    const m = sample.messages;
    // The data is entered in English (the starting language here), then the window switches language.
    const table = { name: sample.attachment, mimeType: 'text/csv', buffer: Buffer.from('n,B(n)\n0,1\n1,-1/2\n2,1/6\n4,-1/30\n'.repeat(400)) };
    await sendMessage(page, { to: m.sent[0], subject: m.sent[1], text: m.sent[2], delay: 0, files: [table] });
    await sendMessage(page, { to: m.sent2[0], subject: m.sent2[1], text: '…', delay: 0 });
    await sendMessage(page, { to: m.draft[0], subject: m.draft[1], text: '…', delay: 60 });
    await outboxRow(page, m.draft[1]).getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(outboxRow(page, m.draft[1])).toHaveCount(0);
    await sendMessage(page, { to: m.scheduled[0], subject: m.scheduled[1], text: '…', sendAt: await localInputValueIn(page, 180) });
    await sendMessage(page, { to: m.undo[0], subject: m.undo[1], text: '…', delay: 60 });
    await expect.poll(() => host.sandboxFiles().length).toBe(2);
    await dismissNotes(page, 'Notifications');
    // A draft being written, saved when Compose closes.
    await page.getByRole('button', { name: 'New message', exact: true }).click();
    await page.getByRole('dialog').locator('#compose-to').fill(m.saved[0]);
    await page.getByRole('dialog').locator('#compose-subject').fill(m.saved[1]);
    await page.keyboard.press('Escape');

    if (sample.language !== 'en') {
      await goTo(page, 'Settings');
      await page.getByLabel('Language', { exact: true }).selectOption({ label: sample.languageName });
      await expect(page.locator('html')).toHaveAttribute('lang', sample.language);
    }
    const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
    const lang = sample.language;

    await nav(sample.nav.outbox).click();
    await mailboxRow(page, sample.lists.outbox, m.scheduled[1]).click();
    await shoot(page, `${lang}-outbox`);

    await nav(sample.nav.sent).click();
    await mailboxRow(page, sample.lists.sent, m.sent[1]).click();
    await expect(page.getByRole('log')).toContainText('250');
    await shoot(page, `${lang}-sent`);

    await nav(sample.nav.drafts).click();
    await expect(mailboxRow(page, sample.lists.drafts, m.saved[1])).toHaveCount(1);
    await mailboxRow(page, sample.lists.drafts, m.draft[1]).click();
    await shoot(page, `${lang}-drafts`);

    await nav(sample.nav.sandbox).click();
    await shoot(page, `${lang}-sandbox`);

    await nav(sample.nav.settings).click();
    // The sandbox's connection test, with what its server offers.
    await page.locator('.account-actions button').first().click();
    await expect(page.locator('.capability-list')).toBeVisible();
    await shoot(page, `${lang}-settings`);

    await page.locator('#add-account').click();
    const form = page.getByRole('dialog');
    // Set up by hand, so the picture shows both halves of the form.
    await form.locator('#setup-address').fill('me@example.test');
    await form.locator('#setup-password').fill('not shown');
    await form.locator('#setup-manual').click();
    await form.locator('#account-name').fill(m.sent2[1].split(',')[0] as string);
    await form.locator('#account-host').fill('smtp.example.test');
    await form.locator('#account-receive').check();
    await form.locator('#account-inHost').fill('imap.example.test');
    // Filling the last field scrolled the form down to it: the picture shows the form from its top.
    await form.evaluate((el) => [el, ...el.querySelectorAll('*')].forEach((e) => e.scrollTop > 0 && e.scrollTo(0, 0)));
    await expect(form.getByRole('heading').first()).toBeInViewport();
    await expect(form.locator('#account-name')).toBeInViewport();
    await shoot(page, `${lang}-account`);
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();

    await nav(sample.nav.sent).click();
    await page.getByRole('button', { name: sample.nav.newMessage, exact: true }).click();
    const dialog = page.getByRole('dialog');
    // Compose holds the saved draft: this is a new one.
    await dialog.locator('#compose-to').fill(sample.compose.to);
    await dialog.locator('#compose-subject').fill(sample.compose.subject);
    // Typed into the body as a user would, so the caret is where the typing ended; the bold line is a
    // sentence of the message, and the file's name goes only where files go (the attachment below).
    await dialog.locator('#compose-message').click();
    await page.keyboard.type(sample.compose.text);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(sample.compose.bold);
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type(sample.compose.signature);
    await expect(dialog.locator('#compose-message strong')).toHaveText(sample.compose.bold);
    await expect(dialog.locator('#compose-message')).toHaveText(sample.compose.text + sample.compose.bold + sample.compose.signature);
    const chooser = page.waitForEvent('filechooser');
    await dialog.locator('.attach-button').click();
    await (await chooser).setFiles({ ...table, name: `re-${table.name}` });
    await expect(dialog.locator('.attachment-chip')).toHaveCount(1);
    // The file's name is on its chip, never in the message.
    await expect(dialog.locator('#compose-message')).not.toContainText(table.name);
    await shoot(page, `${lang}-compose`);

    if (lang === 'en') {
      // The lower half of Compose: the formatted body, the file, when it leaves and the receipts it asks for
      // (Delivery options unfolded, then the receipts in them).
      await dialog.locator('.compose-delivery-options > .receipts-head .disclosure').click();
      await dialog.locator('.receipts .disclosure').click();
      await dialog.locator('.compose-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await shoot(page, 'en-compose-receipts');
      await dialog.locator('.compose-scroll').evaluate((el) => el.scrollTo(0, 0));
      await page.emulateMedia({ colorScheme: 'dark' });
      await shoot(page, 'en-compose-dark');
      await page.keyboard.press('Escape');
      await nav(sample.nav.outbox).click();
      await mailboxRow(page, sample.lists.outbox, m.scheduled[1]).click();
      await shoot(page, 'en-outbox-dark');
      await nav(sample.nav.sent).click();
      await mailboxRow(page, sample.lists.sent, m.sent[1]).click();
      await shoot(page, 'en-sent-dark');
    }
  });
}
