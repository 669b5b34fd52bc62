/** Whether a stored file is valid UTF-8, read in bounded pieces so a large file costs no memory. */
import { closeSync, openSync, readSync } from 'node:fs';

const PIECE = 64 * 1024;

export function isUtf8File(path: string): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = Buffer.allocUnsafe(PIECE);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, PIECE, null);
      // `stream` keeps a character cut between two pieces for the next one; the last call checks nothing is left over.
      decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
      if (read === 0) return true;
    }
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  } finally {
    closeSync(fd);
  }
}
