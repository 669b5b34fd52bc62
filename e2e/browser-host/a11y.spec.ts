/**
 * axe-core on every main screen, in light and dark: no serious or critical
 * violation. The screens hold real messages in several states.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { goTo, localInputValueIn, mailboxRow, openCompose, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';
import { outboxRow } from '../support/status-recorder';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(serious, `${screen}:\n${report}`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on any main screen (${scheme})`, async ({ page, host }) => {
    // A style or script the Content-Security-Policy blocks shows up as a console error.
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await sendMessage(page, { to: 'Ada Lovelace <ada@example.test>', cc: 'charles@example.test', subject: 'Engine notes', text: 'Notes.', delay: 0 });
    await sendMessage(page, { to: 'grace@example.test', subject: 'Compiler review', sendAt: await localInputValueIn(page, 120) });
    await sendMessage(page, { to: 'alan@example.test', subject: 'Second thoughts', delay: 60 });
    await outboxRow(page, 'Second thoughts').getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(outboxRow(page, 'Second thoughts')).toHaveCount(0);

    await outboxRow(page, 'Compiler review').click();
    await expectNoSeriousViolations(page, 'Outbox');

    await goTo(page, 'Sent');
    await mailboxRow(page, 'Sent', 'Engine notes').click();
    await expect(page.getByRole('region', { name: 'Transcript' })).toContainText('250');
    await expectNoSeriousViolations(page, 'Sent');

    await goTo(page, 'Drafts');
    await mailboxRow(page, 'Drafts', 'Second thoughts').click();
    await expectNoSeriousViolations(page, 'Drafts');

    await goTo(page, 'Sandbox inbox');
    await expect(page.getByRole('region', { name: 'Sandbox inbox' })).toContainText('Engine notes');
    await expectNoSeriousViolations(page, 'Sandbox inbox');

    await goTo(page, 'Settings');
    await expectNoSeriousViolations(page, 'Settings');

    const dialog = await openCompose(page);
    await dialog.getByLabel('To', { exact: true }).fill('bob@');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await expectNoSeriousViolations(page, 'Compose (with an error shown)');
    expect(errors, 'console errors').toEqual([]);
  });
}
