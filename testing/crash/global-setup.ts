/**
 * globalSetup of `npm run test:crash`: the crash test files Sent copies in a
 * Dovecot of its own, so Dovecot is installed when missing (root only, as for
 * the IMAP suite), and an instance a dead run left behind is stopped afterwards.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sweepStaleInstances } from '../dovecot/dovecot-instance';

const ROOT = join(__dirname, '..', '..');

export function setup(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-dovecot.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/ensure-dovecot.mjs failed (exit ${result.status ?? result.signal}): the crash test needs Dovecot; see the message above.`);
}

export async function teardown(): Promise<void> {
  if (process.getuid?.() === 0) await sweepStaleInstances();
}
