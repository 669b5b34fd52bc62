/** Chunked uploads through a whole core: pieces in order make the file; anything else is a coded refusal. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { LIMITS, type StoredAttachment } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return (error as { appError: AppError }).appError;
  }
  throw new Error('expected a refusal');
}

const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + 3) % 256));

async function upload(file: Buffer, name = 'big.bin'): Promise<StoredAttachment> {
  const { uploadId } = await core!.call<{ uploadId: string }>('attachments.begin', { name, type: 'application/octet-stream', size: file.length });
  for (let offset = 0; offset < file.length; offset += LIMITS.uploadChunkBytes) {
    const chunkBase64 = file.subarray(offset, offset + LIMITS.uploadChunkBytes).toString('base64');
    expect((await core!.call<{ received: number }>('attachments.append', { uploadId, offset, chunkBase64 })).received).toBe(Math.min(file.length, offset + LIMITS.uploadChunkBytes));
  }
  return core!.call<StoredAttachment>('attachments.commit', { uploadId });
}

describe('chunked uploads', () => {
  it('a 25 MB file arrives in pieces of LIMITS.uploadChunkBytes and is stored by its hash, byte for byte', async () => {
    core = await startTestCore();
    const file = bytes(LIMITS.attachmentBytes);
    const stored = await upload(file);
    const sha256 = createHash('sha256').update(file).digest('hex');
    expect(stored).toEqual({ name: 'big.bin', type: 'application/octet-stream', size: file.length, sha256 });
    expect(readFileSync(join(core.userDataDir, 'attachments', sha256.slice(0, 2), sha256)).equals(file)).toBe(true);
    // No partial file is left behind.
    expect(readdirSync(join(core.userDataDir, 'attachments')).filter((f) => f.startsWith('.upload-'))).toEqual([]);
  });

  it('pieces of uneven sizes decoded into one reused buffer arrive byte for byte (no bytes of an earlier piece left over)', async () => {
    core = await startTestCore();
    const file = Buffer.from(Array.from({ length: LIMITS.uploadChunkBytes + 11 }, (_, i) => (i * 31 + 3) % 256));
    const { uploadId } = await core.call<{ uploadId: string }>('attachments.begin', { name: 'uneven.bin', type: 'application/octet-stream', size: file.length });
    const cuts = [0, LIMITS.uploadChunkBytes, LIMITS.uploadChunkBytes + 1, LIMITS.uploadChunkBytes + 5, file.length];
    for (let i = 0; i + 1 < cuts.length; i++) {
      await core.call('attachments.append', { uploadId, offset: cuts[i], chunkBase64: file.subarray(cuts[i], cuts[i + 1]).toString('base64') });
    }
    const stored = await core.call<{ sha256: string }>('attachments.commit', { uploadId });
    expect(stored.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(readFileSync(join(core.userDataDir, 'attachments', stored.sha256.slice(0, 2), stored.sha256)).equals(file)).toBe(true);
  });

  it('a piece over LIMITS.uploadChunkBytes, a piece at the wrong offset, a missing piece and extra bytes are refused with codes', async () => {
    core = await startTestCore();
    const tooBig = Buffer.alloc(LIMITS.uploadChunkBytes + 3).toString('base64');
    const { uploadId } = await core.call<{ uploadId: string }>('attachments.begin', { name: 'a.bin', type: 'application/octet-stream', size: 10 });
    expect((await refusal(core.call('attachments.append', { uploadId, offset: 0, chunkBase64: tooBig }))).code).toBe('INVALID_ARG');
    await core.call('attachments.append', { uploadId, offset: 0, chunkBase64: bytes(4).toString('base64') });
    expect(await refusal(core.call('attachments.append', { uploadId, offset: 0, chunkBase64: bytes(4).toString('base64') }))).toMatchObject({ code: 'INVALID_ARG', reason: { key: 'reason.uploadOutOfOrder' } });
    expect(await refusal(core.call('attachments.commit', { uploadId }))).toMatchObject({ code: 'INVALID_ARG', reason: { key: 'reason.uploadIncomplete' } });
    expect(await refusal(core.call('attachments.append', { uploadId, offset: 4, chunkBase64: bytes(7).toString('base64') }))).toMatchObject({ reason: { key: 'reason.uploadTooLong' } });
    // Too long cancels it: the upload is gone.
    expect(await refusal(core.call('attachments.commit', { uploadId }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(core.call('attachments.begin', { name: 'b.bin', type: 'application/octet-stream', size: LIMITS.attachmentBytes + 1 }))).toMatchObject({ code: 'INVALID_ARG' });
  });

  it('a cancelled upload leaves no file, and open uploads are bounded', async () => {
    core = await startTestCore();
    const ids: string[] = [];
    for (let i = 0; i < LIMITS.openUploads; i++) ids.push((await core.call<{ uploadId: string }>('attachments.begin', { name: `f${i}.bin`, type: 'application/octet-stream', size: 1 })).uploadId);
    expect((await refusal(core.call('attachments.begin', { name: 'one-more.bin', type: 'application/octet-stream', size: 1 }))).code).toBe('BUSY');
    for (const uploadId of ids) await core.call('attachments.cancel', { uploadId });
    expect(readdirSync(join(core.userDataDir, 'attachments')).filter((f) => f.startsWith('.upload-'))).toEqual([]);
    const stored = await upload(Buffer.from('hello'), 'hello.txt');
    expect(stored.size).toBe(5);
  });
});
