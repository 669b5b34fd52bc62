/** Archive, Delete, Junk / Not junk, Star, Mark read / unread for the open message; also the keyboard's filing commands. */
import { useEffect } from 'react';
import type { MailActionKind, MessageDetail } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/t';
import { useReaderStore } from '../../store/reader';
import { registerMailCommand } from '../keyboard/command-registry';
import { actOn, undoLast } from './file-actions';

export function FileButtons({ message }: { message: MessageDetail }) {
  const { t } = useT();
  const api = useApi();
  const role = useReaderStore((s) => s.folders.find((f) => f.id === message.folderId)?.role);
  const junk = role === 'junk';
  const buttons: [MailActionKind, MessageKey][] = [
    ['archive', 'actions.archive'],
    ['delete', 'actions.delete'],
    [junk ? 'notJunk' : 'junk', junk ? 'actions.notJunk' : 'actions.junk'],
    [message.flags.flagged ? 'unflag' : 'flag', message.flags.flagged ? 'actions.unstar' : 'actions.star'],
    [message.flags.seen ? 'unseen' : 'seen', message.flags.seen ? 'actions.markUnread' : 'actions.markRead'],
  ];
  // The same actions from the keyboard, for the message open now.
  useEffect(() => {
    const act = (kind: MailActionKind) => () => void actOn(api, message, kind);
    const off = [
      registerMailCommand('archive', act('archive')),
      registerMailCommand('delete', act('delete')),
      registerMailCommand('junk', act(junk ? 'notJunk' : 'junk')),
      registerMailCommand('toggleStar', act(message.flags.flagged ? 'unflag' : 'flag')),
      registerMailCommand('toggleRead', act(message.flags.seen ? 'unseen' : 'seen')),
      registerMailCommand('undo', () => void undoLast(api)),
    ];
    return () => off.forEach((f) => f());
  }, [api, message, junk]);
  return (
    <span className="file-buttons">
      {buttons.map(([kind, label]) => (
        <button key={kind} type="button" className="small" data-action={kind} aria-pressed={kind === 'unflag' ? true : kind === 'flag' ? false : undefined} onClick={() => void actOn(api, message, kind)}>
          {t(label)}
        </button>
      ))}
    </span>
  );
}
