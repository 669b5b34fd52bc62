/**
 * Three axe rules the outside test found broken, checked at every impact level
 * (the wider a11y spec only fails on serious and critical ones): all content
 * sits in a landmark, the status bar's live region has an allowed role, and a
 * region that scrolls can be reached with the keyboard.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { goTo, mailboxRow, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';

const RULES = ['region', 'aria-allowed-role', 'scrollable-region-focusable'];

async function expectClean(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(RULES).analyze();
  const report = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect.soft(report, screen).toEqual([]);
}

test('landmarks, the status bar role and scrollable regions pass axe on the main screens', async ({ page, host }) => {
  await page.goto(host.url);
  const long = Array.from({ length: 60 }, (_, n) => `Line ${n + 1} of a long message body.`).join('\n');
  await sendMessage(page, { to: 'ada@example.test', subject: 'Long one', text: long, delay: 0 });
  await sendMessage(page, { to: 'bob@example.test', subject: 'Taken back', text: long, delay: 60 });
  await page.getByRole('list', { name: 'Outbox', exact: true }).getByRole('listitem').filter({ hasText: 'Taken back' }).getByRole('button', { name: 'Cancel', exact: true }).click();
  await goTo(page, 'Outbox');
  await expectClean(page, 'Outbox');
  await goTo(page, 'Sent');
  await mailboxRow(page, 'Sent', 'Long one').click();
  await expect(page.getByRole('log')).toContainText('250');
  await expectClean(page, 'Sent, a long message selected');
  await goTo(page, 'Drafts');
  await mailboxRow(page, 'Drafts', 'Taken back').click();
  await expectClean(page, 'Drafts, a long draft selected');
  await goTo(page, 'Settings');
  await expectClean(page, 'Settings');
});
