/**
 * The reading window in Chromium, on the fake mail of `?bench=reader`
 * (renderer/app/fake-mail.ts) in place of the IMAP core: the list, the
 * sandboxed frame, remote images only on the user's word, links shown before
 * they are followed, an inline cid: image, saving an attachment, search, the
 * divider, both window sizes, and axe. Runs on any branch; the same paths
 * against the real core are in reader.spec.ts and reader-hostile.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/browser-host';
import { messageFrame, messageList, messageRow, readingPane, recordOutsideRequests } from '../support/reader';
import { HOSTILE_HTML } from '../support/reader-mail';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(new URL('/?bench=reader', url).href);
  await expect(messageList(page).getByRole('listitem').first()).toBeVisible();
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

test('HTML mail shows styled in a sandboxed frame; remote images wait for Load images', async ({ page, host }) => {
  const outside = await recordOutsideRequests(page, (url) => (url.includes('images.outbox-mail.example') ? { status: 200, contentType: 'image/gif', body: GIF } : null));
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDemo(page, host.url);
  await messageRow(page, 'Outbox Mail news').click();
  const frame = messageFrame(page);
  await expect(frame.getByRole('heading', { name: 'Outbox Mail news' })).toBeVisible();

  const iframe = page.locator('iframe.message-frame');
  expect(await iframe.getAttribute('sandbox')).toBe('allow-same-origin');
  expect(await iframe.getAttribute('csp')).toContain("img-src data: blob:;");
  // The sender's <style> and style attributes apply (through the CSSOM).
  await expect(frame.getByRole('heading', { name: 'Outbox Mail news' })).toHaveCSS('color', 'rgb(36, 86, 199)');
  // The inline cid: image came from the message's part.
  await expect.poll(() => frame.getByRole('img', { name: 'Logo' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(outside).toEqual([]);

  await readingPane(page).getByRole('button', { name: 'Load images', exact: true }).click();
  await expect.poll(() => frame.getByRole('img', { name: 'A photo' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  expect(outside).toEqual(['https://images.outbox-mail.example/photo.jpg']);
  await expect(readingPane(page).getByRole('button', { name: 'Load images', exact: true })).toHaveCount(0);
});

test('a link shows its real target first; a look-alike is called out; mailto opens Compose', async ({ page, host }) => {
  const outside = await recordOutsideRequests(page);
  await openDemo(page, host.url);
  await messageRow(page, 'Outbox Mail news').click();
  const frame = messageFrame(page);

  await frame.getByRole('link', { name: 'https://outbox-mail.example/unsubscribe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(dialog).toContainText('evil.example');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();

  // By keyboard: the frame's links are focusable, Enter asks first.
  await frame.getByRole('link', { name: 'release notes' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('outbox-mail.example');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Open in browser', exact: true }).click();
  // The browser host cannot open the system browser: a new tab, without opener or referrer.
  const tab = await popup;
  await expect.poll(() => outside).toContain('https://outbox-mail.example/notes');
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  await tab.close();

  await frame.getByRole('link', { name: 'write to the team' }).click();
  await page.getByRole('dialog', { name: 'Write a message?' }).getByRole('button', { name: 'Write to team@outbox-mail.example' }).click();
  await expect(page.getByRole('dialog', { name: 'New message' })).toBeVisible();
  // Only the tab the user asked for left the machine.
  expect(outside).toEqual(['https://outbox-mail.example/notes']);
});

test('plain text shows its links; an attachment saves as a download', async ({ page, host }) => {
  await openDemo(page, host.url);
  await messageRow(page, 'Quarterly report').click();
  await expect(readingPane(page).locator('.plain-text')).toContainText('Revenue grew 12 %');
  const download = page.waitForEvent('download');
  await readingPane(page).getByRole('button', { name: 'Save report.txt', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('report.txt');
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path, 'utf8')).toContain('Revenue grew 12 %');

  await messageRow(page, 'Draft of the paper #3').click();
  await readingPane(page).getByRole('link', { name: 'https://example.com/2' }).click();
  await expect(page.getByRole('dialog', { name: 'Open this link?' })).toContainText('example.com');
});

test('search as you type, with the folder shown; Escape clears; Ctrl+F and / focus the field', async ({ page, host }) => {
  await openDemo(page, host.url);
  await page.locator('body').press('/');
  const search = page.getByRole('searchbox', { name: 'Search mail' });
  await expect(search).toBeFocused();
  await search.pressSequentially('quarterly report');
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeVisible();
  await expect(messageList(page).getByRole('listitem')).toHaveCount(1);
  await expect(messageRow(page, 'Quarterly report')).toContainText('In Inbox');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await messageRow(page, 'Outbox Mail news').click();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
});

test('the list asks only for the rows it shows, and scrolls to the last of 2,002', async ({ page, host }) => {
  await openDemo(page, host.url);
  expect(await messageList(page).getByRole('listitem').count()).toBeLessThan(40);
  await page.locator('.mlist .vlist-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(messageList(page).getByRole('listitem').filter({ hasText: '#2002' })).toBeVisible();
  // Keyboard: Home goes back to the first message and opens it.
  await messageList(page).getByRole('listitem').filter({ hasText: '#2002' }).click();
  await page.keyboard.press('Home');
  await expect(readingPane(page).getByRole('heading', { name: 'Outbox Mail news' })).toBeVisible();
});

for (const size of [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
]) {
  test(`the divider moves by keyboard and is remembered; axe clean at ${size.width}×${size.height}`, async ({ page, host }) => {
    await page.setViewportSize(size);
    await openDemo(page, host.url);
    // axe before a message opens: its injection into the script-less message frame outlasts the test's time (noted in the issue).
    await expectNoSeriousViolations(page, `reader ${size.width}×${size.height}`);
    await messageRow(page, 'Outbox Mail news').click();
    await expect(messageFrame(page).getByRole('heading', { name: 'Outbox Mail news' })).toBeVisible();
    const divider = page.getByRole('separator', { name: 'Resize the message list' });
    const before = Number(await divider.getAttribute('aria-valuenow'));
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(divider).toHaveAttribute('aria-valuenow', String(before + 10));
    // The list and the reading pane both stay on screen.
    for (const pane of [page.locator('.mlist'), readingPane(page)]) {
      const box = await pane.boundingBox();
      expect(box && box.height > 60 && box.width > 200, `${await pane.getAttribute('class')} ${JSON.stringify(box)}`).toBe(true);
    }
    await page.reload();
    await expect(page.getByRole('separator', { name: 'Resize the message list' })).toHaveAttribute('aria-valuenow', String(before + 10));
  });
}

test('the hostile corpus, delivered while the list is open: nothing runs, nothing leaves, the list refreshes', async ({ page, host }) => {
  const outside = await recordOutsideRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openDemo(page, host.url);
  const title = await page.title();
  type Demo = { __readerDemo?: { deliver(message: object): void } };
  await page.evaluate((html) => (window as unknown as Demo).__readerDemo?.deliver({ id: 'msg-hostile', subject: 'Hostile corpus', html, text: null, hasRemoteContent: true }), HOSTILE_HTML);
  // mail:changed: the list asks again for its window, and the new message is on top.
  await messageRow(page, 'Hostile corpus').click();
  const frame = messageFrame(page);
  await expect(frame.getByRole('heading', { name: 'Hostile corpus' })).toBeVisible();
  await page.waitForTimeout(2000);
  expect(outside).toEqual([]);
  expect(await page.title()).toBe(title);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const counts = await page.locator('iframe.message-frame').evaluate((iframe: HTMLIFrameElement) => {
    const doc = iframe.contentDocument as Document;
    return {
      active: doc.querySelectorAll('script, iframe, object, embed, form, input, button, svg, video, audio, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), base, link').length,
      handlers: [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      hrefs: doc.querySelectorAll('[href]').length,
    };
  });
  expect(counts).toEqual({ active: 0, handlers: 0, hrefs: 0 });
  await frame.getByRole('link', { name: 'javascript link' }).click();
  await expect(page.getByRole('dialog', { name: 'This link cannot be opened' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  await frame.getByRole('link', { name: 'https://bank.example/login' }).click();
  await expect(page.getByRole('dialog', { name: 'Open this link?' }).getByRole('alert')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  expect(outside).toEqual([]);
  expect(await page.title()).toBe(title);
  expect(errors).toEqual([]);
});
