/**
 * globalSetup of `npm run test:imap`: installs Dovecot when it is missing
 * (scripts/ensure-dovecot.mjs; root only, otherwise the run fails with the
 * reason), and afterwards stops any instance a dead test worker left running.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepStaleInstances } from './dovecot-instance';
import { FIGURES_ENV, figuresFile, hostileFiguresFile } from './figures';

const ROOT = join(__dirname, '..', '..');

export function setup(): void {
  process.env[FIGURES_ENV] = join(tmpdir(), `ootest-imap-figures-${process.pid}.txt`);
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-dovecot.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/ensure-dovecot.mjs failed (exit ${result.status ?? result.signal}): Dovecot is needed for this suite; see the message above.`);
}

export async function teardown(): Promise<void> {
  if (process.getuid?.() === 0) await sweepStaleInstances();
  // The suite's figures, as the run's last line (messages synced; ms from an APPEND to the core's event;
  // requests the hostile corpus caused while rendered, -1 when that test wrote nothing).
  let line = 'imap: messages=0 idle_ms=-1';
  let hostile = '-1';
  try {
    line = readFileSync(figuresFile(), 'utf8').trim();
    rmSync(figuresFile(), { force: true });
  } catch {
    // Reported as above: a run that failed early still ends with the line.
  }
  try {
    hostile = readFileSync(hostileFiguresFile(), 'utf8').trim();
    rmSync(hostileFiguresFile(), { force: true });
  } catch {
    // As above.
  }
  console.log(`${line} hostile_requests=${hostile}`);
}
