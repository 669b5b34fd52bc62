/**
 * Reads chosen or dropped files and stores each once in the core, in pieces
 * (upload-file.ts: the renderer hands over the bytes, never a path). Compose
 * then keeps only the reference (name, type, hash), which drafts, Send and
 * Undo reuse without sending the bytes again. Checked against the contract's
 * limits first, so nothing too big is read at all.
 */
import type { MailApi } from '../../../shared/contract';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { admitFiles, attachmentKey, safeFileName, safeMimeType, type ComposeAttachment } from '../../store/attachment-logic';
import { useComposeStore } from '../../store/compose';
import { uploadFile } from './upload-file';

export async function attachFiles(api: MailApi, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const compose = useComposeStore.getState();
  const session = compose.session;
  const { accepted, errors } = admitFiles(compose.attachments.length + compose.reading, files);
  if (accepted.length === 0) {
    compose.refusedFiles(errors);
    return;
  }
  compose.readingStarted(accepted.length);
  const stored: ComposeAttachment[] = [];
  const failed: string[] = [...errors];
  for (const index of accepted) {
    const file = files[index] as File;
    const name = safeFileName(file.name);
    const type = safeMimeType(file.type);
    const result = await uploadFile(api, file, { name, type }, (sent, total) => useComposeStore.getState().uploadProgressed(sent, total));
    if (result.ok) stored.push({ key: attachmentKey(), name, type, size: result.value.size, sha256: result.value.sha256 });
    else failed.push(t('compose.attachmentNotStored', { name, message: errorText(result.error) }));
  }
  // Compose moved on to another message meanwhile: these files were for the one before.
  if (useComposeStore.getState().session !== session) {
    useComposeStore.getState().attachmentsRead([], [], accepted.length);
    return;
  }
  useComposeStore.getState().attachmentsRead(stored, failed, accepted.length);
}
