/**
 * At 800×600 with the first-start welcome note shown, the reading window
 * still works: the note sits between the view and the status bar with no gap
 * or overlap, nothing scrolls the whole window, and the message list shows
 * whole rows above the reading pane.
 */
import { expect, test } from '../support/browser-host';
import { folderButton, messageList, messageRow } from '../support/reader';
import { htmlWithAttachment } from '../support/reader-mail';
import { deliverToSandbox } from '../support/sandbox-smtp';

test('800×600 with the welcome note: the list has rows, the panes meet the note, the window does not scroll', async ({ page, host }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Not now', exact: true })).toBeVisible();
  for (let i = 0; i < 6; i++) await deliverToSandbox(host, { from: 'ada@example.test', to: 'you@sandbox.test', raw: htmlWithAttachment(`Subject ${i}`, 'x') });
  await expect.poll(() => host.sandboxFiles().length).toBe(6);
  await folderButton(page, 'Local sandbox', 'Inbox').click();
  await messageRow(page, 'Subject 5').click();
  await expect(page.locator('.reading-pane')).toContainText('Subject 5');
  await expect(page.getByRole('button', { name: 'Not now', exact: true })).toBeVisible();

  const geometry = await page.evaluate(() => {
    const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
    const scroller = document.scrollingElement!;
    const list = rect('.mlist .vlist-scroll');
    const rows = [...document.querySelectorAll('.mlist .vlist-rows li, .mlist .vlist-rows [role="listitem"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
    }).length;
    return {
      listTop: list.top, listBottom: list.bottom, rowCount: document.querySelectorAll('.mlist .vlist-rows li, .mlist .vlist-rows [role="listitem"]').length,
      scrollWidth: scroller.scrollWidth,
      scrollHeight: scroller.scrollHeight,
      reader: rect('.reader').bottom,
      alerts: rect('.alerts').top,
      alertsBottom: rect('.alerts').bottom,
      status: rect('.statusbar').top,
      rows,
    };
  });
  expect(geometry.scrollWidth, 'the window scrolls sideways').toBeLessThanOrEqual(800);
  expect(geometry.scrollHeight, 'the window scrolls').toBeLessThanOrEqual(600);
  expect(Math.abs(geometry.reader - geometry.alerts), 'gap between the panes and the note').toBeLessThanOrEqual(2);
  expect(Math.abs(geometry.alertsBottom - geometry.status), 'gap between the note and the status bar').toBeLessThanOrEqual(2);
  expect(geometry.rows, `whole rows in the list ${JSON.stringify(geometry)}`).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: test.info().outputPath('welcome-800x600.png') });
});
