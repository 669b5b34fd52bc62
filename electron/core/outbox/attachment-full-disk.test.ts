/** An attachment stored on a full disk (a real one: a small tmpfs) is refused as a storage failure the user can fix. */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { mountSmallDisk, type SmallDisk } from '../../../testing/harness/small-disk';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | undefined;
let disk: SmallDisk | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  disk?.unmount();
  disk = undefined;
});

describe('attachments on a full disk', () => {
  it('answers STORAGE_FAILED with the file name and the system’s reason, not INTERNAL', async () => {
    disk = mountSmallDisk(8);
    core = await startTestCore({ userDataDir: disk.dir });
    await core.ready;
    disk.fill();
    const result = await core.router.handle('attachments.put', { name: 'report.pdf', type: 'application/pdf', contentBase64: Buffer.alloc(200_000, 7).toString('base64') });
    expect(result.ok).toBe(false);
    const error = (result as { error: AppError }).error;
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.reason).toMatchObject({ key: 'reason.attachmentNotSaved', values: { name: 'report.pdf' } });
    expect(String(error.reason?.values?.detail)).toMatch(/ENOSPC/);

    // Space back: the same file is taken.
    disk.free();
    const again = await core.router.handle('attachments.put', { name: 'report.pdf', type: 'application/pdf', contentBase64: Buffer.alloc(200_000, 7).toString('base64') });
    expect(again.ok).toBe(true);
  });
});
