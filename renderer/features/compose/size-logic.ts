/**
 * How big the message will be on the wire, and whether that is too big: above
 * the SIZE the account's server announced (known from its last connection
 * test), or above 25 MB, which many servers refuse whatever they announce.
 */
import { formatSize } from '../../format/number';
import { t } from '../../i18n/t';

export const COMMON_LIMIT_BYTES = 25 * 1024 * 1024;
/** Headers and MIME structure, roughly. */
const OVERHEAD_BYTES = 2048;

/** Base64 turns 3 bytes into 4 and adds a CRLF every 76 characters. */
export const base64Size = (bytes: number): number => {
  const encoded = Math.ceil(bytes / 3) * 4;
  return encoded + Math.ceil(encoded / 76) * 2;
};

export function estimatedMessageSize(body: { text: string; html: string }, attachmentSizes: readonly number[]): number {
  // Non-ASCII text goes quoted-printable or base64: count it generously.
  const textBytes = (s: string) => Math.ceil(new TextEncoder().encode(s).length * 1.1);
  return OVERHEAD_BYTES + textBytes(body.text) + textBytes(body.html) + attachmentSizes.reduce((sum, size) => sum + base64Size(size), 0);
}

/**
 * The warning to show, or null. `serverLimit`: the SIZE the server announced
 * (0: no limit given; null or undefined: not known).
 */
export function sizeWarning(bytes: number, serverLimit: number | null | undefined): string | null {
  if (serverLimit && serverLimit > 0 && bytes > serverLimit) {
    return t('compose.sizeOverServer', { size: formatSize(bytes), max: formatSize(serverLimit) });
  }
  if (bytes > COMMON_LIMIT_BYTES) return t('compose.sizeOverCommon', { size: formatSize(bytes), max: formatSize(COMMON_LIMIT_BYTES) });
  return null;
}
