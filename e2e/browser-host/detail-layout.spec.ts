/**
 * A sent message's details at 1280×800 and 800×600: who received it is in
 * view as soon as it is selected (no scrolling the pane or the window), and
 * the facts, recipients and transcript are not drawn over one another.
 */
import type { Locator } from '@playwright/test';
import { goTo, mailboxRow, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';

async function box(locator: Locator, what: string) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${what} is not on screen`);
  return { what, ...b };
}

type Box = Awaited<ReturnType<typeof box>>;

const overlap = (a: Box, b: Box) => a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 && a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1;
const inside = (inner: Box, outer: Box) =>
  inner.y >= outer.y - 1 && inner.y + inner.height <= outer.y + outer.height + 1 && inner.x >= outer.x - 1 && inner.x + inner.width <= outer.x + outer.width + 1;

test('the recipients of a sent message are in view without scrolling, nothing overlaps (1280×800, 800×600)', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Not now', exact: true }).click();
  const to = 'Ada Lovelace <ada@example.test>, Charles Babbage <charles@example.test>, Grace Hopper <grace@example.test>';
  await sendMessage(page, { to, subject: 'Engine figures', text: 'Figures.', delay: 0 });
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  await goTo(page, 'Sent');
  await mailboxRow(page, 'Sent', 'Engine figures').click();
  const details = page.getByRole('region', { name: 'Message details' });
  await expect(details.getByRole('log')).toContainText('250');

  for (const size of [{ width: 1280, height: 800 }, { width: 800, height: 600 }]) {
    await page.setViewportSize(size);
    const where = `${size.width}×${size.height}`;
    const info = details.locator('.detail-info');
    await info.evaluate((element) => element.scrollTo(0, 0));
    const view = { what: 'window', x: 0, y: 0, width: size.width, height: size.height };
    const infoBox = await box(info, 'details column');
    const first = await box(details.locator('.recipient').first(), 'first recipient');
    expect.soft(inside(first, infoBox), `${where}: first recipient ${JSON.stringify(first)} in view of ${JSON.stringify(infoBox)}`).toBe(true);
    expect.soft(inside(first, view), `${where}: first recipient inside the window`).toBe(true);
    const page_ = await page.evaluate(() => ({ h: document.scrollingElement!.scrollHeight, y: window.scrollY }));
    expect.soft(page_.h, `${where}: the window itself scrolls`).toBeLessThanOrEqual(size.height);

    const parts = [
      await box(details.locator('.recipient-list'), 'recipients'),
      await box(details.locator('.message-facts'), 'facts'),
      await box(details.getByRole('region', { name: 'Transcript' }), 'transcript'),
    ];
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) expect.soft(overlap(parts[i]!, parts[j]!), `${where}: ${parts[i]!.what} overlaps ${parts[j]!.what}`).toBe(false);
  }
});
