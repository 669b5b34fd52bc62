/** The same send, in the real Electron shell (skipped, saying why, where there is no Electron binary). */
import { expect, test } from '@playwright/test';
import { details, sendMessage } from '../support/app';
import { launchShell } from '../support/electron';

test('Electron: compose, send to the sandbox, see Sent and the 250 reply', async () => {
  const app = await launchShell();
  if (!app) return;
  try {
    const page = await app.firstWindow();
    // The renderer has the contract API and nothing of Node.
    expect(await page.evaluate(() => typeof (window as unknown as { mail?: unknown }).mail)).toBe('object');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    await sendMessage(page, { to: 'ada@example.test', subject: 'From Electron', text: 'Hello from the shell.', delay: 0 });
    await expect(details(page).getByText('Sent', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Transcript' }).getByText(/^250\b/).last()).toBeVisible();
  } finally {
    await app.close();
  }
});
