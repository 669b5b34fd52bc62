/**
 * Files chosen for a message: which ones can be attached (the contract's
 * limits: count and size per file), under which name and MIME type. Pure; the
 * reading and storing (FileReader, attachments.put) is in
 * features/compose/read-files.ts.
 */
import { LIMITS } from '../../shared/model';
import { formatSize } from '../format/number';
import { t } from '../i18n/t';

export interface ChosenFile {
  name: string;
  type: string;
  size: number;
}

/** A file stored once by the core (attachments.put): Compose, drafts and Undo refer to it by hash. */
export interface ComposeAttachment {
  /** Local key for the list; not sent. */
  key: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

let nextKey = 1;
/** A fresh local key for an attachment chip. */
export const attachmentKey = (): string => `a${nextKey++}`;

/** The reference outbox.submit and drafts.save take. */
export const attachmentRef = ({ name, type, sha256 }: Pick<ComposeAttachment, 'name' | 'type' | 'sha256'>) => ({ name, type, sha256 });

/** The core accepts a plain file name: no path separators or control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[/\\\x00-\x1f\x7f]/g, '_').trim().slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** The browser's type when it is a valid MIME type, else the generic one. */
export function safeMimeType(type: string): string {
  return MIME.test(type) && type.length <= 127 ? type : 'application/octet-stream';
}

export interface Admission {
  /** Indexes (into the files given) of those that can be attached. */
  accepted: number[];
  /** Why the others cannot, one sentence each. */
  errors: string[];
}

/** Which of `files` fit next to `existingCount` attachments already on the message. */
export function admitFiles(existingCount: number, files: readonly ChosenFile[]): Admission {
  const accepted: number[] = [];
  const errors: string[] = [];
  let room = LIMITS.attachmentsPerMessage - existingCount;
  files.forEach((file, index) => {
    if (file.size > LIMITS.attachmentBytes) {
      errors.push(t('compose.attachmentTooBig', { name: safeFileName(file.name), size: formatSize(file.size), max: formatSize(LIMITS.attachmentBytes) }));
    } else if (room <= 0) {
      if (!errors.includes(t('compose.tooManyAttachments', { max: LIMITS.attachmentsPerMessage }))) {
        errors.push(t('compose.tooManyAttachments', { max: LIMITS.attachmentsPerMessage }));
      }
    } else {
      accepted.push(index);
      room--;
    }
  });
  return { accepted, errors };
}

/** The total size, for the line under the attachments. */
export const totalSize = (attachments: readonly Pick<ComposeAttachment, 'size'>[]): number => attachments.reduce((sum, a) => sum + a.size, 0);
