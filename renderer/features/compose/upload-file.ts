/**
 * Hands one file to the core in pieces (attachments.begin/append/commit): each piece at most
 * LIMITS.uploadChunkBytes, read from the file only when it is its turn, so neither the page nor
 * the core ever holds the whole file, and no message on the line grows with it. A refused piece
 * cancels the upload and comes back as the core's coded error.
 */
import type { MailApi } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/errors';
import { LIMITS, type StoredAttachment } from '../../../shared/model';
import { described } from '../../../shared/i18n/reason';
import { settle } from '../../app/settle';


type UploadApi = Pick<MailApi, 'attachments'>;

/** Base64 of a piece, built in slices: one String.fromCharCode over a megabyte would overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function uploadFile(
  api: UploadApi,
  file: Blob,
  meta: { name: string; type: string },
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<Result<StoredAttachment>> {
  const begun = await settle(() => api.attachments.begin({ ...meta, size: file.size }));
  if (!begun.ok) return begun;
  const { uploadId } = begun.value;
  const abandon = async (error: AppError): Promise<Result<StoredAttachment>> => {
    await settle(() => api.attachments.cancel({ uploadId }));
    return { ok: false, error };
  };
  for (let offset = 0; offset < file.size; offset += LIMITS.uploadChunkBytes) {
    let chunkBase64: string;
    try {
      chunkBase64 = toBase64(new Uint8Array(await file.slice(offset, offset + LIMITS.uploadChunkBytes).arrayBuffer()));
    } catch (error) {
      // The page could not read the file (moved, or permission withdrawn): worded like any other refusal.
      return abandon(described('INVALID_ARG', 'reason.fileUnreadable', { detail: error instanceof Error ? error.message : String(error) }));
    }
    const appended = await settle(() => api.attachments.append({ uploadId, offset, chunkBase64 }));
    if (!appended.ok) return abandon(appended.error);
    onProgress(appended.value.received, file.size);
  }
  return settle(() => api.attachments.commit({ uploadId }));
}
