/**
 * Reply, Reply all, Forward: the message being written (if any) is kept as a
 * draft first, forwarded files are stored by the core, then Compose opens on
 * the answer. Returns the reason when the answer could not be prepared.
 */
import type { MailApi } from '../../../shared/contract';
import type { MessageDetail } from '../../../shared/mail-model';
import { formatDateTime } from '../../format/time';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { attachmentKey } from '../../store/attachment-logic';
import { useComposeStore } from '../../store/compose';
import { useSettingsStore } from '../../store/settings';
import { useStatusStore } from '../../store/status';
import { saveDraftNow } from '../compose/autosave';
import { answerMessage, type AnswerMode, type AnswerWording } from './answer-logic';

export const answerWording = (): AnswerWording => ({
  attribution: (date, name) => t('reply.attribution', { date: formatDateTime(date), name }),
  forwardedHeader: t('reply.forwardedHeader'),
  labels: { from: t('reader.from'), date: t('reader.date'), subject: t('reply.subject'), to: t('reader.to'), cc: t('reader.cc') },
  formatDate: (ms) => formatDateTime(ms),
});

export async function answer(api: MailApi, message: MessageDetail, mode: AnswerMode): Promise<string | null> {
  let attachments: ReturnType<typeof answerMessage>['attachments'] = [];
  if (mode === 'forward' || mode === 'forwardAsAttachment') {
    const stored = await api.mail.forwardAttachments({ id: message.id, asMessage: mode === 'forwardAsAttachment' });
    if (!stored.ok) return t('reply.failed', { message: errorText(stored.error) });
    attachments = stored.value.map(({ name, type, size, sha256 }) => ({ key: attachmentKey(), name, type, size, sha256 }));
  }
  await saveDraftNow();
  const settings = useSettingsStore.getState().settings;
  const composed = answerMessage(message, mode, {
    accounts: useStatusStore.getState().accounts ?? [],
    defaultAccountId: settings?.defaultAccountId,
    signatureAboveQuote: settings?.signatureAboveQuote ?? true,
    attachments,
    wording: answerWording(),
  });
  // Like a mailto: link, the answer becomes the user's draft once they change something.
  useComposeStore.getState().load(composed, { origin: 'new', saved: true });
  return null;
}
