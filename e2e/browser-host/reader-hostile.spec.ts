/**
 * NEEDS THE imap-core BRANCH: the hostile message is delivered to the local
 * sandbox over SMTP (that part works on any branch) and then read through
 * the core's mail.* commands, which only imap-core answers.
 *
 * Hostile HTML in the reading pane: scripts, event handlers, meta refresh,
 * base, forms, CSS url() and @import, remote and srcset images, frames,
 * objects, media, SVG, javascript:/data: and look-alike links. Asserted:
 * not one request leaves for a non-loopback host (page.route over the whole
 * context, and request events), no script ran (the window's title and a
 * flag on window stay untouched), the app stays up; and only after Load
 * images do remote images (and nothing else) load.
 */
import { expect, test } from '../support/browser-host';
import { folderButton, messageFrame, messageRow, readingPane, recordOutsideRequests } from '../support/reader';
import { hostileMessage } from '../support/reader-mail';
import { deliverToSandbox } from '../support/sandbox-smtp';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

test('nothing in a hostile message runs or reaches the network; Load images lets images only', async ({ page, host }) => {
  const outside = await recordOutsideRequests(page, (url) => (/\.(gif|png)(\?|$)/.test(url) ? { status: 200, contentType: 'image/gif', body: GIF } : null));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.goto(host.url);

  await deliverToSandbox(host, { from: 'mallory@evil.test', to: 'you@sandbox.test', raw: hostileMessage('Hostile corpus') });
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  // The app's own title counts the unread message; opening it marks it read, and then the title is the app's alone.
  await expect(page).toHaveTitle('Inbox (1) — Outbox Mail');

  await folderButton(page, 'Local sandbox', 'Inbox').click();
  await messageRow(page, 'Hostile corpus').click();
  const frame = messageFrame(page);
  await expect(frame.getByRole('heading', { name: 'Hostile corpus' })).toBeVisible();
  // The message itself must never change the title.
  await expect(page).toHaveTitle('Outbox Mail');
  const title = await page.title();
  // Time for anything queued (refresh, lazy loads, autofocus) to try.
  await page.waitForTimeout(2000);
  expect(outside).toEqual([]);
  expect(await page.title()).toBe(title);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  // Nothing active survived into the frame's document either.
  const frameCounts = await page.locator('iframe.message-frame').evaluate((iframe: HTMLIFrameElement) => {
    const doc = iframe.contentDocument as Document;
    return {
      url: doc.URL,
      active: doc.querySelectorAll('script, iframe, object, embed, form, input, button, svg, video, audio, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), base, link').length,
      handlers: [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      hrefs: doc.querySelectorAll('[href]').length,
    };
  });
  expect(frameCounts).toEqual({ url: 'about:srcdoc', active: 0, handlers: 0, hrefs: 0 });

  // javascript: and data: links are refused outright; a look-alike is called out.
  await frame.getByRole('link', { name: 'javascript link' }).click();
  await expect(page.getByRole('dialog', { name: 'This link cannot be opened' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  await frame.getByRole('link', { name: 'data link' }).click();
  await expect(page.getByRole('dialog', { name: 'This link cannot be opened' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  await frame.getByRole('link', { name: 'https://bank.example/login' }).click();
  const lookalike = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(lookalike).toContainText('evil.test');
  await expect(lookalike.getByRole('alert')).toBeVisible();
  await lookalike.getByRole('button', { name: 'Cancel', exact: true }).click();
  await frame.getByRole('link', { name: 'plain target top' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  expect(outside).toEqual([]);
  expect(await page.title()).toBe(title);

  // Load images: remote images (and CSS backgrounds) may now load; still no script, frame, form, font or style sheet.
  await readingPane(page).getByRole('button', { name: 'Load images', exact: true }).click();
  // The tracking pixel is the state waited for (generously); then a moment for anything forbidden to try.
  await expect.poll(() => outside.some((u) => u.includes('track.example')), { timeout: 20_000 }).toBe(true);
  await page.waitForTimeout(1500);
  for (const url of outside) expect(url, url).toMatch(/\.(gif|png)(\?|$)/);
  expect(outside.some((u) => u.includes('track.example'))).toBe(true);
  for (const forbidden of ['script', 'refresh', 'base/', 'style.css', 'import.css', 'font.woff', 'frame', 'object', 'embed', 'video', 'audio', 'form', 'srcset', 'svg.png', 'input.png', 'prefetch']) {
    expect(outside.filter((u) => u.includes(forbidden)), forbidden).toEqual([]);
  }

  // The app is still up and usable.
  expect(errors).toEqual([]);
  await page.getByRole('navigation').getByRole('button', { name: 'Outbox', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', exact: true })).toBeVisible();
});
