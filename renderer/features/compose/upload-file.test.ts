import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
import { LIMITS } from '../../../shared/model';
import { toBase64, uploadFile } from './upload-file';

/** A core that keeps what it is sent, and refuses the append numbered `refuse`. */
function fakeCore(refuse = -1) {
  const calls: { name: string; request: Record<string, unknown> }[] = [];
  let received = 0;
  const answer = <T>(name: string, request: Record<string, unknown>, value: T): Promise<Result<T>> => {
    calls.push({ name, request });
    return Promise.resolve({ ok: true, value });
  };
  const api = {
    attachments: {
      put: () => Promise.reject(new Error('not used')),
      begin: (request: Record<string, unknown>) => answer('begin', request, { uploadId: 'upload-0001' }),
      append: (request: Record<string, unknown>) => {
        if (calls.filter((c) => c.name === 'append').length === refuse) {
          calls.push({ name: 'append', request });
          return Promise.resolve({ ok: false as const, error: { code: 'INVALID_ARG' as const, message: 'no', reason: { key: 'reason.uploadOutOfOrder' } } });
        }
        received += Buffer.from(String(request.chunkBase64), 'base64').length;
        return answer('append', request, { received });
      },
      commit: (request: Record<string, unknown>) => answer('commit', request, { name: 'f.bin', type: 'application/octet-stream', size: received, sha256: 'a'.repeat(64) }),
      cancel: (request: Record<string, unknown>) => answer('cancel', request, { uploadId: 'upload-0001' }),
    },
  };
  return { api: api as never, calls };
}

const bytes = (n: number) => new Uint8Array(Array.from({ length: n }, (_, i) => (i * 7 + 1) % 256));

describe('uploadFile', () => {
  it('sends a file of two and a half pieces as three pieces of at most LIMITS.uploadChunkBytes, in order, with progress to the full size', async () => {
    const { api, calls } = fakeCore();
    const file = bytes(2.5 * LIMITS.uploadChunkBytes);
    const progress: [number, number][] = [];
    const result = await uploadFile(api, new Blob([file]), { name: 'f.bin', type: 'application/octet-stream' }, (sent, total) => progress.push([sent, total]));
    expect(result.ok).toBe(true);
    const appends = calls.filter((c) => c.name === 'append').map((c) => c.request);
    expect(appends.map((a) => a.offset)).toEqual([0, LIMITS.uploadChunkBytes, 2 * LIMITS.uploadChunkBytes]);
    expect(appends.every((a) => Buffer.from(String(a.chunkBase64), 'base64').length <= LIMITS.uploadChunkBytes)).toBe(true);
    expect(Buffer.concat(appends.map((a) => Buffer.from(String(a.chunkBase64), 'base64'))).equals(Buffer.from(file))).toBe(true);
    expect(calls[0]).toEqual({ name: 'begin', request: { name: 'f.bin', type: 'application/octet-stream', size: file.length } });
    expect(progress.at(-1)).toEqual([file.length, file.length]);
    expect(calls.at(-1)?.name).toBe('commit');
  });

  it('a refused piece cancels the upload and returns the core error', async () => {
    const { api, calls } = fakeCore(1);
    const result = await uploadFile(api, new Blob([bytes(3 * 1024 * 1024)]), { name: 'f.bin', type: 'application/octet-stream' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARG', reason: { key: 'reason.uploadOutOfOrder' } } });
    expect(calls.map((c) => c.name)).toEqual(['begin', 'append', 'append', 'cancel']);
  });

  it('encodes base64 like the platform does', () => {
    const data = bytes(100_001);
    expect(toBase64(data)).toBe(Buffer.from(data).toString('base64'));
  });
});
