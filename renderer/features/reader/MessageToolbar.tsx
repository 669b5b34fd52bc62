/** The open message's actions: answering it (features/reply) and filing it (features/actions). */
import type { MessageDetail } from '../../../shared/mail-model';
import { useT } from '../../i18n/use-t';
import { FileButtons } from '../actions/FileButtons';
import { ReplyButtons } from '../reply/ReplyButtons';

export function MessageToolbar({ message }: { message: MessageDetail }) {
  const { t } = useT();
  return (
    <div className="message-toolbar" role="toolbar" aria-label={t('reader.messageActions')}>
      <ReplyButtons message={message} />
      <FileButtons message={message} />
    </div>
  );
}
