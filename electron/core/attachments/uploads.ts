/**
 * Chunked uploads (attachments.begin/append/commit/cancel): a file arrives in pieces of at most
 * LIMITS.uploadChunkBytes, each appended to a private partial file at the offset the core expects,
 * hashed as it comes. Commit checks every byte came, flushes, and hands the file to the
 * content-addressed store. Nothing ever holds the whole file in memory.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { failure } from '../../../shared/i18n/reason';
import { LIMITS, type StoredAttachment, type UploadAppend, type UploadBegin } from '../../../shared/model';
import { adoptFile, type AttachmentStore } from './attachment-store';

interface Upload {
  name: string;
  type: string;
  size: number;
  received: number;
  hash: Hash;
  fd: number;
  path: string;
  touchedAt: number;
  /** Each piece is decoded into this one buffer: a fresh buffer per piece stays allocated until the next full collection. */
  scratch: Buffer | null;
}

/** The most a piece the contract lets through can decode to. */
const PIECE_BYTES = Math.ceil(LIMITS.uploadChunkBytes / 3) * 3;

export class Uploads {
  private readonly open = new Map<string, Upload>();

  constructor(
    private readonly store: AttachmentStore,
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  begin(request: UploadBegin): { uploadId: string } {
    this.dropIdle();
    if (this.open.size >= LIMITS.openUploads) throw failure('BUSY', 'reason.tooManyUploads', { max: LIMITS.openUploads });
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const uploadId = randomBytes(12).toString('hex');
    const path = join(this.dir, `.upload-${uploadId}.tmp`);
    const fd = openSync(path, 'wx', 0o600);
    this.open.set(uploadId, { name: request.name, type: request.type.toLowerCase(), size: request.size, received: 0, hash: createHash('sha256'), fd, path, touchedAt: this.now(), scratch: null });
    return { uploadId };
  }

  append(request: UploadAppend): { received: number } {
    const upload = this.get(request.uploadId);
    if (request.offset !== upload.received) {
      throw failure('INVALID_ARG', 'reason.uploadOutOfOrder', { name: upload.name, offset: request.offset, received: upload.received });
    }
    const length = Buffer.byteLength(request.chunkBase64, 'base64');
    if (length > PIECE_BYTES || upload.received + length > upload.size) {
      this.cancel(request.uploadId);
      throw failure('INVALID_ARG', 'reason.uploadTooLong', { name: upload.name, size: upload.size });
    }
    upload.scratch ??= Buffer.allocUnsafe(Math.min(PIECE_BYTES, upload.size));
    const bytes = upload.scratch.subarray(0, upload.scratch.write(request.chunkBase64, 'base64'));
    writeSync(upload.fd, bytes);
    upload.hash.update(bytes);
    upload.received += bytes.length;
    upload.touchedAt = this.now();
    return { received: upload.received };
  }

  commit(uploadId: string): StoredAttachment {
    const upload = this.get(uploadId);
    if (upload.received !== upload.size) {
      throw failure('INVALID_ARG', 'reason.uploadIncomplete', { name: upload.name, received: upload.received, size: upload.size });
    }
    this.open.delete(uploadId);
    upload.scratch = null;
    try {
      fsyncSync(upload.fd);
      closeSync(upload.fd);
      const sha256 = upload.hash.digest('hex');
      adoptFile(this.store, upload.path, sha256);
      return { name: upload.name, type: upload.type, size: upload.size, sha256 };
    } catch (error) {
      rmSync(upload.path, { force: true });
      throw error;
    }
  }

  cancel(uploadId: string): { uploadId: string } {
    const upload = this.open.get(uploadId);
    if (upload) {
      this.open.delete(uploadId);
      closeSync(upload.fd);
      rmSync(upload.path, { force: true });
    }
    return { uploadId };
  }

  /** Partial files left by a window that went away. */
  private dropIdle(): void {
    const limit = this.now() - LIMITS.uploadIdleMs;
    for (const [id, upload] of this.open) if (upload.touchedAt < limit) this.cancel(id);
  }

  private get(uploadId: string): Upload {
    const upload = this.open.get(uploadId);
    if (!upload) throw failure('NOT_FOUND', 'reason.uploadUnknown');
    return upload;
  }
}
