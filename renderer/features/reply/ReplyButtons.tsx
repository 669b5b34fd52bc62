/** Reply, Reply all, Forward for the open message (built by the reply work). */
import type { MessageDetail } from '../../../shared/mail-model';

export function ReplyButtons(_props: { message: MessageDetail }) {
  return null;
}
