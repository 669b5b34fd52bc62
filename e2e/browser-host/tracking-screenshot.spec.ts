/**
 * Per-recipient delivery tracking as a new user sees it with no account: one
 * message to three sandbox addresses (one delivered, one that bounces, one
 * delayed), the reports coming back into the sandbox's Inbox, and Sent's
 * detail showing each recipient's state and timeline. The picture goes to
 * docs/screenshots/en-tracking.png for the README.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { details, goTo, mailboxRow, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';

const OUT = resolve(__dirname, '..', '..', 'docs', 'screenshots');

test('each recipient shows what happened to the message (screenshot)', async ({ page, host }) => {
  mkdirSync(OUT, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Not now', exact: true }).click();
  await sendMessage(page, {
    to: 'Ada Lovelace <ada@example.test>, bounce-bob@example.test, Cat <delay-cat@example.test>',
    subject: 'Engine figures',
    text: 'The figures for Thursday.',
    delay: 0,
  });
  await goTo(page, 'Sent');
  await mailboxRow(page, 'Sent', 'Engine figures').click();
  const pane = details(page);
  await expect(pane).toContainText('Delivered', { timeout: 30_000 });
  await expect(pane).toContainText('Failed', { timeout: 30_000 });
  await expect(pane).toContainText('Delayed', { timeout: 30_000 });
  await expect(pane).toContainText('5.1.1');
  // Notes raised for the failure would cover the picture.
  const dismiss = page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss', exact: true });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  // The recipients, not the transcript, are the subject of the picture.
  await pane.getByText('Retry until', { exact: false }).or(pane.getByText('a sandbox address that is always delayed', { exact: false })).last().evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(OUT, 'en-tracking.png') });
});
