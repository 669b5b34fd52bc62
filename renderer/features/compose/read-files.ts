/**
 * Reads chosen or dropped files into base64 for DraftInput.attachments: the
 * renderer hands the core the bytes, never a path. Checked against the
 * contract's limits first, so nothing too big is read at all.
 */
import { t } from '../../i18n/t';
import { admitFiles, safeFileName, safeMimeType, type ComposeAttachment } from '../../store/attachment-logic';
import { useComposeStore } from '../../store/compose';

let nextKey = 1;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

export async function attachFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const compose = useComposeStore.getState();
  const { accepted, errors } = admitFiles(compose.attachments.length + compose.reading, files);
  if (accepted.length === 0) {
    compose.refusedFiles(errors);
    return;
  }
  compose.readingStarted(accepted.length);
  const read: ComposeAttachment[] = [];
  const failed: string[] = [...errors];
  for (const index of accepted) {
    const file = files[index] as File;
    const name = safeFileName(file.name);
    try {
      read.push({ key: `a${nextKey++}`, name, type: safeMimeType(file.type), size: file.size, contentBase64: await readAsBase64(file) });
    } catch {
      failed.push(t('compose.attachmentUnreadable', { name }));
    }
  }
  useComposeStore.getState().attachmentsRead(read, failed, accepted.length);
}
