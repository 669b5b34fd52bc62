import { expect, test } from '../support/browser-host';
import { inOrder, outboxRow, recordStatuses } from '../support/status-recorder';

test('compose, send, and watch it go Queued → Sending → Sent with the server reply', async ({ page, host }) => {
  await page.goto(host.url);
  const statuses = await recordStatuses(page);
  await page.getByLabel('To', { exact: true }).fill('Ada Lovelace <ada@example.test>');
  await page.getByLabel('Cc', { exact: true }).fill('charles@example.test');
  await page.getByLabel('Subject', { exact: true }).fill('Engine notes');
  await page.getByLabel('Message', { exact: true }).fill('The engine weaves algebraic patterns.\n.\nA lone dot above.');
  // A short hold makes Queued visible before the spooler takes the message.
  await page.getByLabel('Undo delay (seconds)').fill('1');
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  const row = outboxRow(page, 'Engine notes');
  await expect(row).toContainText('ada@example.test');
  await expect(row).toContainText('Sent');
  const seen = await statuses();
  expect(inOrder(seen, ['Queued', 'Sending', 'Sent']), `statuses seen: ${seen.join(' → ')}`).toBe(true);

  await row.click();
  const transcript = page.getByRole('region', { name: 'Transcript' });
  await expect(transcript).toContainText('EHLO');
  await expect(transcript).toContainText(/RCPT TO:<ada@example\.test> NOTIFY=/);
  await expect(transcript.getByText(/^250\b.*kept as/)).toBeVisible();

  // The sandbox really received it, once, with the DSN parameters we asked for.
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  const inbox = page.getByRole('region', { name: 'Sandbox inbox' });
  await expect(inbox).toContainText('Engine notes');
  await expect(inbox).toContainText('ENVID');
});

test('an invalid address is marked and the send refused with the reason', async ({ page, host }) => {
  await page.goto(host.url);
  const to = page.getByLabel('To', { exact: true });
  await to.fill('ada@example.test, bob@');
  await page.getByLabel('Subject', { exact: true }).fill('Will not go');
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'bob@' })).toContainText('missing the domain after @');
  await expect(page.getByRole('list', { name: 'Outbox' }).getByRole('listitem')).toHaveCount(0);
  // The form keeps what the user typed.
  await expect(page.getByLabel('Subject', { exact: true })).toHaveValue('Will not go');
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('a queued message can be cancelled and nothing reaches the server', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('To', { exact: true }).fill('ada@example.test');
  await page.getByLabel('Subject', { exact: true }).fill('Second thoughts');
  await page.getByLabel('Message', { exact: true }).fill('On reflection, no.');
  await page.getByLabel('Undo delay (seconds)').fill('30');
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  const row = outboxRow(page, 'Second thoughts');
  await expect(row).toContainText('Queued');
  await row.getByRole('button', { name: /^Cancel/ }).click();
  await expect(row).toContainText('Cancelled');
  await expect(row.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);

  // Survives a reload: the state lives in the main process, not the page.
  await page.reload();
  await expect(outboxRow(page, 'Second thoughts')).toContainText('Cancelled');
  expect(host.sandboxFiles()).toHaveLength(0);
});
