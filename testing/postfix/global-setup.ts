/**
 * globalSetup of `npm run test:postfix`: installs Postfix when it is missing
 * (scripts/ensure-postfix.mjs; root only, otherwise the run fails with the
 * reason), and afterwards stops any instance a dead test worker left running.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sweepStaleInstances } from './postfix-instance';

const ROOT = join(__dirname, '..', '..');

export function setup(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-postfix.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/ensure-postfix.mjs failed (exit ${result.status ?? result.signal}): Postfix is needed for this suite; see the message above.`);
}

export async function teardown(): Promise<void> {
  if (process.getuid?.() === 0) await sweepStaleInstances();
}
