/**
 * Attachment bytes as content-addressed files under the user-data folder
 * (attachments/ab/<sha256>). A file is complete or absent: written to a
 * temporary name, flushed, then renamed. Items refer to files by hash only,
 * so nothing the renderer sends can name a path.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const HASH = /^[0-9a-f]{64}$/;

export class AttachmentStore {
  constructor(private readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!HASH.test(sha256)) throw new Error('not a content hash');
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes (once per content) and returns their hash; the file is on disk when this returns. */
  put(bytes: Buffer): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (existsSync(path)) return sha256;
    const folder = join(this.dir, sha256.slice(0, 2));
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temp = join(folder, `.${sha256}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    return sha256;
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Bytes in the stored file, or null when there is none. */
  sizeOf(sha256: string): number | null {
    try {
      return statSync(this.pathOf(sha256)).size;
    } catch {
      return null;
    }
  }

  /** Streamed, never read whole into memory. */
  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }
}

/**
 * A complete, flushed file written elsewhere in this folder becomes the stored copy of `sha256`
 * (chunked uploads). The caller computed the hash while writing it; an existing copy wins.
 */
export function adoptFile(store: AttachmentStore, tempPath: string, sha256: string): void {
  const path = store.pathOf(sha256);
  if (existsSync(path)) {
    rmSync(tempPath, { force: true });
    return;
  }
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  renameSync(tempPath, path);
}
