/**
 * The profile folder holds the stores, the key file, attachments and mail
 * bodies: other local users must not read any of it, whatever umask the app
 * was started with. New files get private modes from the umask set here (and
 * from explicit modes where they are created); files from an older run, or
 * written by a library that ignores both, are put right by a sweep.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Everything this process creates from now on is private to the user. A worker thread cannot change it (Node refuses); there the sweep alone applies. */
export function restrictUmask(): void {
  if (isMainThread && process.platform !== 'win32') process.umask(0o077);
}

/** Creates the folder if needed and makes it and everything under it private. Symbolic links are left alone, never followed. */
export function makeProfilePrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform === 'win32') return; // ACLs, not modes: the user's AppData is already private
  sweep(dir);
}

function sweep(path: string): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return; // gone meanwhile (a temporary file renamed or removed)
  }
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(path, PRIVATE_DIR_MODE);
    for (const name of readdirSync(path)) sweep(join(path, name));
  } else if (stat.isFile() && (stat.mode & 0o777) !== PRIVATE_FILE_MODE) {
    try {
      chmodSync(path, PRIVATE_FILE_MODE);
    } catch {
      // removed between lstat and chmod
    }
  }
}
