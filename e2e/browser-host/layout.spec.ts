/**
 * The window's geometry in every language, at 800×600 and 1280×800: nothing
 * in the details pane is drawn over anything else, buttons and column names
 * are not cut off, and the list shows a useful number of rows. Measured with
 * bounding boxes and scroll sizes, never with pixels of a screenshot.
 */
import type { Locator, Page } from '@playwright/test';
import { addAccount, fromOption } from '../support/accounts';
import { goTo, localInputValueIn, sendMessage } from '../support/app';
import { expect, test } from '../support/smtp-peer';
import { outboxRow } from '../support/status-recorder';

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator, what: string): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${what} is not on screen`);
  return { what, ...b };
}

function overlaps(a: Box, b: Box): boolean {
  // One pixel of slack: borders may touch.
  return a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 && a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1;
}

function expectApart(boxes: Box[], where: string): void {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      expect.soft(overlaps(a, b), `${where}: ${a.what} ${JSON.stringify(a)} overlaps ${b.what} ${JSON.stringify(b)}`).toBe(false);
    }
}

/** Elements whose text is cut off (wider content than box), by their text. */
async function clipped(scope: Locator, selector: string): Promise<string[]> {
  return scope.locator(selector).evaluateAll((elements) =>
    elements.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent ?? ''),
  );
}

interface Language {
  code: 'en' | 'fr' | 'ru';
  option: string;
  sent: string;
  outbox: string;
  details: string;
  settings: string;
  transcript: string;
}

const LANGUAGES: Language[] = [
  { code: 'en', option: 'English', sent: 'Sent', outbox: 'Outbox', details: 'Message details', settings: 'Settings', transcript: 'Transcript' },
  { code: 'fr', option: 'Français', sent: 'Envoyés', outbox: 'Boîte d’envoi', details: 'Détails du message', settings: 'Paramètres', transcript: 'Transcription' },
  { code: 'ru', option: 'Русский', sent: 'Отправленные', outbox: 'Исходящие', details: 'Сведения о письме', settings: 'Настройки', transcript: 'Протокол' },
];

async function chooseLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: from.settings, exact: true }).click();
  await page.locator('#settings-language').selectOption({ label: to.option });
  await expect(page.locator('html')).toHaveAttribute('lang', to.code);
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

test('details, list and buttons fit at 800×600 and 1280×800 in English, French and Russian', async ({ page, host, startPeer }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  // A server that refuses every message for good: a failed row with Retry now.
  const peer = await startPeer({ dataEnd: () => ({ code: 554, text: '5.6.0 Refused for this test' }) });
  const account = { name: 'Peer', fromName: 'Ann', address: 'ann@example.test', port: peer.port, security: 'none' as const };
  await addAccount(page, account);
  await sendMessage(page, { from: fromOption(account), to: 'ada@example.test', subject: 'Refused', delay: 0 });
  await goTo(page, 'Outbox');
  await expect(outboxRow(page, 'Refused')).toContainText('Failed');
  await sendMessage(page, { from: 'Local sandbox — You <you@sandbox.test>', to: 'held@example.test', subject: 'Held', sendAt: await localInputValueIn(page, 180) });
  const recipients = 'Ada Lovelace <ada@example.test>, Charles Babbage <charles@example.test>, Grace Hopper <grace@example.test>';
  for (let n = 1; n <= 12; n++) await sendMessage(page, { from: 'Local sandbox — You <you@sandbox.test>', to: recipients, subject: `Note ${String(n).padStart(2, '0')}`, text: 'Body', delay: 0 });
  await expect.poll(() => host.sandboxFiles().length, { timeout: 60_000 }).toBe(12);
  // The sandbox announced them as new mail: the note is put away, as a user reading on would, so the lists have their room.
  const newMail = page.locator('.new-mail-note');
  await expect(newMail).toContainText('Note 12');
  await newMail.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(newMail).toHaveCount(0);

  let current = LANGUAGES[0]!;
  for (const language of LANGUAGES) {
    if (language !== current) await chooseLanguage(page, current, language);
    current = language;
    // Each size and language is checked in full: the report lists every misfit, not just the first.
    for (const viewport of [{ width: 1280, height: 800 }, { width: 800, height: 600 }]) {
      await page.setViewportSize(viewport);
      const where = `${language.code} ${viewport.width}×${viewport.height}`;

      // The Outbox: column names, filters and row buttons whole.
      await nav(page, language.outbox).click();
      const outboxList = page.getByRole('list', { name: language.outbox, exact: true });
      await expect(outboxList.getByRole('listitem')).toHaveCount(2);
      expect.soft(await clipped(page.locator('.list-pane'), '.vlist-header .col'), `${where}: column names cut off`).toEqual([]);
      expect.soft(await clipped(page.locator('.list-pane'), 'button'), `${where}: buttons cut off`).toEqual([]);
      // A button wider than its cell is cut off by the cell, on whichever side it overflows.
      const cutButtons = await outboxList.locator('.cell button').evaluateAll((buttons) =>
        buttons
          .filter((b) => {
            const cell = b.closest('.cell')!.getBoundingClientRect();
            const r = b.getBoundingClientRect();
            return r.left < cell.left - 1 || r.right > cell.right + 1;
          })
          .map((b) => b.textContent ?? ''),
      );
      expect.soft(cutButtons, `${where}: row buttons cut off by their cell`).toEqual([]);

      // Sent: the details of a message with three recipients and its transcript, nothing drawn over anything.
      await nav(page, language.sent).click();
      const sentList = page.getByRole('list', { name: language.sent, exact: true });
      await sentList.getByRole('listitem').filter({ hasText: 'Note 12' }).click();
      const details = page.getByRole('region', { name: language.details });
      await expect(details.getByRole('log')).toContainText('250');
      const facts = details.locator('.facts');
      const parts = [
        await box(facts, 'facts (Message-ID last)'),
        await box(details.locator('.detail-section').first(), 'Recipients heading'),
        await box(details.locator('.recipient-list'), 'recipients'),
        await box(details.getByRole('region', { name: language.transcript }), 'transcript'),
      ];
      expectApart(parts, where);
      // What does not fit scrolls inside the pane instead of spilling out of it.
      const pane = await box(details, 'details pane');
      const body = await box(details.locator('.detail-body'), 'details body');
      expect.soft(body.y + body.height, `${where}: the details spill out of their pane`).toBeLessThanOrEqual(pane.y + pane.height + 1);
      await page.screenshot({ path: test.info().outputPath(`${where}.png`) });

      if (viewport.width === 1280) {
        // Enough of the list to work with: at least ten whole rows at 1280×800.
        const scroller = await box(page.locator('.vlist-scroll'), 'list');
        const whole = await sentList.getByRole('listitem').evaluateAll(
          (rows, bottom) => rows.filter((r) => r.getBoundingClientRect().bottom <= bottom + 1).length,
          scroller.y + scroller.height,
        );
        expect.soft(whole, `${where}: whole rows in view`).toBeGreaterThanOrEqual(10);
      }
    }
  }
});
