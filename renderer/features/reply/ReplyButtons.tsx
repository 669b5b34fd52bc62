/** Reply, Reply all, Forward (and Forward as attachment) for the open message; also the keyboard's reply commands. */
import { useEffect, useState } from 'react';
import type { MessageDetail } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { registerMailCommand } from '../keyboard/command-registry';
import { answer } from './answer';
import type { AnswerMode } from './answer-logic';

export function ReplyButtons({ message }: { message: MessageDetail }) {
  const { t } = useT();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (mode: AnswerMode) => {
    if (busy) return;
    setBusy(true);
    setError(await answer(api, message, mode));
    setBusy(false);
  };
  useEffect(() => {
    setError(null);
    const off = [
      registerMailCommand('reply', () => void run('reply')),
      registerMailCommand('replyAll', () => void run('replyAll')),
      registerMailCommand('forward', () => void run('forward')),
    ];
    return () => off.forEach((f) => f());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [message.id]);
  const buttons: [AnswerMode, string][] = [
    ['reply', t('reply.reply')],
    ['replyAll', t('reply.replyAll')],
    ['forward', t('reply.forward')],
    ['forwardAsAttachment', t('reply.forwardAsAttachment')],
  ];
  return (
    <span className="reply-buttons">
      {buttons.map(([mode, label]) => (
        <button key={mode} type="button" className="small" data-answer={mode} disabled={busy} onClick={() => void run(mode)}>
          {label}
        </button>
      ))}
      {error && (
        <span className="panel-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
