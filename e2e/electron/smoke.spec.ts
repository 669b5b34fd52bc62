/**
 * The same send, in the real Electron shell. Runs where an Electron binary
 * exists (the electron package's download, or ELECTRON_OVERRIDE_DIST_PATH);
 * elsewhere it is skipped and says why.
 */
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { details, sendMessage } from '../support/app';

const ROOT = resolve(__dirname, '..', '..');

async function findElectron(): Promise<{ path: string | null; reason?: string }> {
  const { electronBinary } = (await import(join(ROOT, 'scripts/electron-binary.mjs'))) as {
    electronBinary: (req: NodeRequire) => { path: string | null; reason?: string };
  };
  return electronBinary(createRequire(join(ROOT, 'package.json')));
}

test('Electron: compose, send to the sandbox, see Sent and the 250 reply', async () => {
  const found = await findElectron();
  if (!found.path) {
    console.log(`[electron] skipped: no Electron binary (${found.reason})`);
    test.skip(true, `no Electron binary: ${found.reason}`);
    return;
  }
  const userData = mkdtempSync(join(tmpdir(), 'outbox-electron-'));
  const app = await electron.launch({
    executablePath: found.path,
    args: [ROOT, `--user-data-dir=${userData}`, '--no-sandbox'],
  });
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
