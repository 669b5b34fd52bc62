/** Upload progress: while a big message's DATA is under way, its details show bytes sent of the total. */
import { details, openCompose, openDeliveryOptions } from '../support/app';
import { expect, test } from '../support/browser-host';

test('a large message shows a progressbar of bytes sent while it is being sent', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  // Every value the details pane's progressbar takes, seen as it changes (a send over loopback is quick).
  await page.evaluate(() => {
    const seen: { now: number; max: number; text: string }[] = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    const note = () => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        // Compose has a bar of its own while a file is attached: only the send's bar counts here.
        if (bar.closest('[role="dialog"]')) continue;
        const now = Number(bar.getAttribute('aria-valuenow'));
        const last = seen[seen.length - 1];
        if (!last || last.now !== now) seen.push({ now, max: Number(bar.getAttribute('aria-valuemax')), text: bar.getAttribute('aria-valuetext') ?? '' });
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  const dialog = await openCompose(page);
  await dialog.getByLabel('To', { exact: true }).fill('ada@example.test');
  await dialog.getByLabel('Subject', { exact: true }).fill('Big file');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Attach files', exact: true }).click();
  // 16 MB goes on the wire as about 22 MB of base64, under the sandbox's SIZE of 25 MB.
  const buffer = Buffer.alloc(16 * 1024 * 1024);
  for (let i = 0; i < buffer.length; i += 4) buffer.writeUInt32LE((i * 2654435761) >>> 0, i);
  await (await chooser).setFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer });
  await expect(dialog.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(1, { timeout: 60_000 });
  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(details(page).getByText('Sent', { exact: true })).toBeVisible({ timeout: 60_000 });

  const seen = await page.evaluate(() => (window as unknown as { __progress: { now: number; max: number; text: string }[] }).__progress);
  expect(seen.length, 'progress values seen').toBeGreaterThan(1);
  const total = seen[0]?.max ?? 0;
  expect(total).toBeGreaterThan(21 * 1024 * 1024);
  // The total is the message's measured size, exact to the octet: the last step ends on it.
  const last = seen[seen.length - 1]!;
  expect(seen.every((s) => s.max === total && s.now <= total)).toBe(true);
  expect(last.now).toBe(total);
  expect(seen.map((s) => s.now)).toEqual([...seen.map((s) => s.now)].sort((a, b) => a - b));
  expect(seen.some((s) => s.now < total)).toBe(true);
  expect(seen[0]?.text).toMatch(/^[\d.,]+ (B|KB|MB) of [\d.,]+ MB sent$/);
  // When it is over the bar goes: progress is about a send under way.
  await expect(details(page).getByRole('progressbar')).toHaveCount(0);
});
