/** Attachments by the file picker and by drag-and-drop: sizes shown, sent with the message, listed in its details. */
import { composeDialog, details, goTo, mailboxRow, openCompose, openDeliveryOptions, sendMessage } from '../support/app';
import { expect, test } from '../support/browser-host';

test('attach by picker and by dropping, see the sizes, send, and find them in Sent', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('With files');
  await dialog.getByLabel('Message', { exact: true }).fill('Two files attached.');

  // The picker, as a user opens it.
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Attach files', exact: true }).click();
  await (await chooser).setFiles({ name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from('n,bernoulli\n1,-1/2\n'.repeat(100)) });
  const list = dialog.getByRole('list', { name: 'Attachments' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('table.csv');
  await expect(list).toContainText('1.9 KB');

  // Dropping a file onto Compose.
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['engine diagram'], 'diagram.txt', { type: 'text/plain' }));
    return data;
  });
  await dialog.locator('.drop-zone').dispatchEvent('dragover', { dataTransfer: transfer });
  await dialog.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('diagram.txt');
  await expect(dialog).toContainText('2 files, 1.9 KB');

  // Remove and add back, by keyboard-reachable buttons.
  await list.getByRole('button', { name: 'Remove diagram.txt', exact: true }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await dialog.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composeDialog(page)).toBeHidden();

  // The file appears as soon as the sandbox starts writing it: wait for the whole message.
  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  const eml = () => host.sandboxText(host.sandboxFiles()[0] as string);
  await expect.poll(eml).toContain('filename=diagram.txt');
  expect(eml()).toContain('filename=table.csv');

  await goTo(page, 'Sent');
  await mailboxRow(page, 'Sent', 'With files').click();
  await expect(details(page)).toContainText('table.csv (1.9 KB)');
  await expect(details(page)).toContainText('diagram.txt (14 B)');
  await expect(page.getByRole('region', { name: 'Transcript' }).getByText(/^250\b.*kept as/)).toBeVisible();
});

test('a file over the size limit is refused with the reason, and the rest are attached', async ({ page, host }) => {
  await page.goto(host.url);
  const dialog = await openCompose(page);
  // 25 MB + 1 byte, made in the page: only its size is checked, it is never read.
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(25 * 1024 * 1024 + 1)], 'huge.bin'));
    data.items.add(new File(['small'], 'small.txt', { type: 'text/plain' }));
    return data;
  });
  await dialog.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(dialog.getByRole('alert')).toContainText('“huge.bin” is 25 MB; an attachment can be at most 25 MB.');
  await expect(dialog.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(1);
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('Undo gives the attachments back with the message, and the edited version goes with them', async ({ page, host }) => {
  await page.goto(host.url);
  await sendMessage(page, {
    to: 'ada@example.test',
    subject: 'Tables',
    text: 'First version.',
    delay: 30,
    files: [{ name: 'bernoulli.csv', mimeType: 'text/csv', buffer: Buffer.from('n,B\n0,1\n1,-1/2\n') }],
  });
  const note = page.getByRole('region', { name: 'Notifications' });
  await note.getByRole('button', { name: 'Undo', exact: true }).click();

  const dialog = composeDialog(page);
  await expect(dialog).toHaveAccessibleName('Edit message');
  const list = dialog.getByRole('list', { name: 'Attachments' });
  await expect(list).toContainText('bernoulli.csv');
  await expect(list).toContainText('15 B');
  await dialog.getByLabel('Message', { exact: true }).fill('Second version.');
  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(() => host.sandboxFiles().length).toBe(1);
  const eml = () => host.sandboxText(host.sandboxFiles()[0] as string);
  await expect.poll(eml).toContain('filename=bernoulli.csv');
  expect(eml()).toContain('Second version.');
  expect(eml()).not.toContain('First version.');
  // The message taken back is not left behind in Drafts.
  await goTo(page, 'Drafts');
  await expect(mailboxRow(page, 'Drafts', 'Tables')).toHaveCount(0);
});

test('a 24.5 MB file is attached over the browser host without losing the message being written, and kept in its draft', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Big file');
  await dialog.getByLabel('Message', { exact: true }).fill('Written before the big file.');
  // Made in the page, just under the 25 MB limit: the size at which the socket used to close.
  const transfer = await page.evaluateHandle(() => {
    const bytes = new Uint8Array(24.5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'measurements.bin', { type: 'application/octet-stream' }));
    return data;
  });
  await dialog.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  const list = dialog.getByRole('list', { name: 'Attachments' });
  await expect(list).toContainText('measurements.bin', { timeout: 120_000 });
  await expect(list).toContainText('24.5 MB');
  // Same page, same message: nothing was reloaded.
  await expect(dialog.getByLabel('Subject', { exact: true })).toHaveValue('Big file');
  await expect(dialog.getByLabel('Message', { exact: true })).toContainText('Written before the big file.');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // The draft keeps it: the file is stored in the core, not only in this page.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await goTo(page, 'Drafts');
  await mailboxRow(page, 'Drafts', 'Big file').click();
  await expect(details(page)).toContainText('measurements.bin (24.5 MB)', { timeout: 60_000 });
});
