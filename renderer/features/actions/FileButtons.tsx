/** Archive, Delete, Junk, Star, Mark read for the open message (built by the mailbox-actions work). */
import type { MessageDetail } from '../../../shared/mail-model';

export function FileButtons(_props: { message: MessageDetail }) {
  return null;
}
