/**
 * The real Electron shell for the electron project's tests. Runs where an
 * Electron binary exists (the electron package's download, or
 * ELECTRON_OVERRIDE_DIST_PATH); elsewhere the test is skipped and says why.
 *
 *   const app = await launchShell(['mailto:ada@example.test']);  // null: skipped
 */
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, test, type ElectronApplication } from '@playwright/test';

const ROOT = resolve(__dirname, '..', '..');

async function findElectron(): Promise<{ path: string | null; reason?: string }> {
  const { electronBinary } = (await import(join(ROOT, 'scripts/electron-binary.mjs'))) as {
    electronBinary: (req: NodeRequire) => { path: string | null; reason?: string };
  };
  return electronBinary(createRequire(join(ROOT, 'package.json')));
}

/** Starts the app on a fresh user-data folder, with `args` after the app's path (as the OS passes a mailto: link). */
export async function launchShell(args: string[] = []): Promise<ElectronApplication | null> {
  const found = await findElectron();
  if (!found.path) {
    console.log(`[electron] skipped: no Electron binary (${found.reason})`);
    test.skip(true, `no Electron binary: ${found.reason}`);
    return null;
  }
  const userData = mkdtempSync(join(tmpdir(), 'outbox-electron-'));
  return electron.launch({ executablePath: found.path, args: [ROOT, `--user-data-dir=${userData}`, '--no-sandbox', ...args] });
}
