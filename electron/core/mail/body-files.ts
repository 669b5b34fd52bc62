/**
 * Raw messages as files under the user-data folder, named by the SHA-256 of
 * their bytes. A file is written, flushed and renamed into place (and its
 * folder flushed) before any row names it, so a row never points at nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class BodyFiles {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Stores the bytes; returns their address. Writing the same bytes twice keeps one file. */
  put(bytes: Buffer): string {
    const sha = createHash('sha256').update(bytes).digest('hex');
    const file = this.fileOf(sha);
    if (existsSync(file)) return sha;
    const folder = join(this.dir, sha.slice(0, 2));
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temp = join(folder, `.${randomUUID()}.tmp`);
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    syncDir(folder);
    return sha;
  }

  has(sha: string): boolean {
    return /^[0-9a-f]{64}$/.test(sha) && existsSync(this.fileOf(sha));
  }

  read(sha: string): Buffer {
    return readFileSync(this.fileOf(sha));
  }

  /** The file's size in bytes, or null when it is not on disk. */
  size(sha: string): number | null {
    if (!/^[0-9a-f]{64}$/.test(sha)) return null;
    try {
      return statSync(this.fileOf(sha)).size;
    } catch {
      return null;
    }
  }

  /** Drops one body (the cache size limit): the rows keep naming it and it is fetched again when needed. */
  remove(sha: string): void {
    if (/^[0-9a-f]{64}$/.test(sha)) rmSync(this.fileOf(sha), { force: true });
  }

  /** Removes every file no row names any more. */
  collect(referenced: ReadonlySet<string>): number {
    let removed = 0;
    for (const folder of readdirSync(this.dir)) {
      for (const name of readdirSync(join(this.dir, folder))) {
        if (referenced.has(name)) continue;
        rmSync(join(this.dir, folder, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  private fileOf(sha: string): string {
    return join(this.dir, sha.slice(0, 2), sha);
  }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
