import { details, goTo, mailboxRow, openCompose, recipientChips, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';
import { inOrder, outboxRow, recordStatuses } from '../support/status-recorder';

test('compose, send, and watch it go Queued → Sending → Sent with the server reply', async ({ page, host }) => {
  await page.goto(host.url);
  const statuses = await recordStatuses(page);
  // A short hold makes Queued visible before the spooler takes the message.
  await sendMessage(page, {
    to: 'Ada Lovelace <ada@example.test>',
    cc: 'charles@example.test',
    subject: 'Engine notes',
    text: 'The engine weaves algebraic patterns.\n.\nA lone dot above.',
    delay: 1,
  });

  // The new message is selected; its details follow it from the Outbox to Sent.
  const pane = details(page);
  await expect(pane).toContainText('Engine notes');
  await expect(pane).toContainText('ada@example.test');
  await expect(pane.getByText('Sent', { exact: true })).toBeVisible();
  const seen = await statuses();
  expect(inOrder(seen, ['Queued', 'Sending', 'Sent']), `statuses seen: ${seen.join(' → ')}`).toBe(true);
  await expect(outboxRow(page, 'Engine notes')).toHaveCount(0);

  await goTo(page, 'Sent');
  const row = mailboxRow(page, 'Sent', 'Engine notes');
  await expect(row).toContainText('2 accepted');
  await row.click();
  const transcript = page.getByRole('region', { name: 'Transcript' });
  await expect(transcript).toContainText('EHLO');
  await expect(transcript).toContainText(/RCPT TO:<ada@example\.test> NOTIFY=/);
  await expect(transcript.getByText(/^250\b.*kept as/)).toBeVisible();
  await expect(pane).toContainText('Accepted');

  // The sandbox really received it, once, with the DSN parameters we asked for.
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  await goTo(page, 'Sandbox inbox');
  const inbox = page.getByRole('region', { name: 'Sandbox inbox' });
  await expect(inbox).toContainText('Engine notes');
  await expect(inbox).toContainText('ENVID');
});

test('an invalid address is marked and the send refused with the reason', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  const to = dialog.getByLabel('To', { exact: true });
  await to.fill('ada@example.test, bob@');
  await dialog.getByLabel('Subject', { exact: true }).fill('Will not go');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toBeFocused();
  await expect(dialog.getByRole('alert').filter({ hasText: 'bob@' })).toContainText('missing the domain after @');
  // Nothing is lost: closing keeps what was typed as a draft, to continue later.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Outbox' }).getByRole('listitem')).toHaveCount(0);
  await goTo(page, 'Drafts');
  await mailboxRow(page, 'Drafts', 'Will not go').getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(dialog.getByLabel('Subject', { exact: true })).toHaveValue('Will not go');
  await expect(recipientChips(dialog, 'To')).toContainText('ada@example.test');
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('a queued message can be cancelled: it goes back to Drafts and nothing reaches the server', async ({ page, host }) => {
  await page.goto(host.url);
  await sendMessage(page, { to: 'ada@example.test', subject: 'Second thoughts', text: 'On reflection, no.', delay: 30 });

  const row = outboxRow(page, 'Second thoughts');
  await expect(row).toContainText('Queued');
  await row.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(row).toHaveCount(0);

  await goTo(page, 'Drafts');
  const draft = mailboxRow(page, 'Drafts', 'Second thoughts');
  await expect(draft).toContainText('Cancelled');
  await expect(draft.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);

  // Survives a reload: the state lives in the main process, not the page.
  await page.reload();
  await goTo(page, 'Drafts');
  await expect(mailboxRow(page, 'Drafts', 'Second thoughts')).toContainText('Cancelled');
  expect(host.sandboxFiles()).toHaveLength(0);
});
