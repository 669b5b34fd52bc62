/**
 * Drafts: continue one in Compose, delete one, and Discard in Compose (which
 * deletes the draft being written). Deleting asks first.
 */
import type { MailApi } from '../../../shared/contract';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { useAlertsStore } from '../../store/alerts';
import { useComposeStore } from '../../store/compose';
import { askConfirm } from '../../store/confirm';
import { isBlank, messageFromDraft } from '../../store/draft-logic';
import { useDraftsStore } from '../../store/drafts';
import { findItem, useOutboxStore } from '../../store/outbox';
import { subjectText } from '../outbox/format';
import { settleDrafts } from '../compose/autosave';
import { retireSource } from '../compose/retire-source';

/** Opens a saved draft in Compose. What Compose held before was saved when it closed. */
export async function openDraft(id: string): Promise<boolean> {
  await settleDrafts();
  const compose = useComposeStore.getState();
  // Already in Compose, maybe newer than the list's copy.
  if (compose.draftId === id) {
    compose.openNew();
    return true;
  }
  const draft = useDraftsStore.getState().drafts.find((d) => d.id === id);
  if (!draft) return false;
  compose.load(messageFromDraft(draft), { origin: 'draft', draftId: draft.id, saved: true });
  return true;
}

async function deleteSavedDraft(api: MailApi, id: string, subject: string): Promise<boolean> {
  const result = await settle(() => api.drafts.delete({ id }));
  if (!result.ok && result.error.code !== 'NOT_FOUND') {
    useAlertsStore.getState().push({ kind: 'error', text: t('drafts.deleteFailed', { subject: subjectText(subject), message: errorText(result.error) }) });
    return false;
  }
  useDraftsStore.getState().remove(id);
  return true;
}

/** Delete in Drafts (row or details). */
export async function deleteDraft(api: MailApi, id: string): Promise<boolean> {
  const draft = useDraftsStore.getState().drafts.find((d) => d.id === id);
  if (!draft) return false;
  const yes = await askConfirm({
    title: t('drafts.deleteTitle'),
    body: t('drafts.deleteBody', { subject: subjectText(draft.subject) }),
    confirmLabel: t('drafts.deleteConfirm'),
    danger: true,
  });
  if (!yes) return false;
  await settleDrafts();
  if (!(await deleteSavedDraft(api, id, draft.subject))) return false;
  // The message in Compose was this draft: it goes too.
  if (useComposeStore.getState().draftId === id) useComposeStore.getState().discard();
  if (useOutboxStore.getState().selectedId === id) useOutboxStore.getState().select(null);
  return true;
}

/** Discard in Compose: asks when there is something to lose, then deletes the draft and closes. */
export async function discardCompose(api: MailApi): Promise<boolean> {
  const s = useComposeStore.getState();
  const blank = isBlank({ chips: s.chips, typed: { to: s.fields.to, cc: s.fields.cc, bcc: s.fields.bcc }, subject: s.fields.subject, text: s.fields.text, attachments: s.attachments });
  if (!blank || s.draftId || s.sourceId) {
    const yes = await askConfirm({ title: t('compose.discardTitle'), body: t('compose.discardBody'), confirmLabel: t('compose.discardConfirm'), danger: true });
    if (!yes) return false;
  }
  await settleDrafts();
  const { draftId, sourceId, fields } = useComposeStore.getState();
  if (draftId && !(await deleteSavedDraft(api, draftId, fields.subject))) return false;
  // Taken out of the queue and not yet a draft: the cancelled original is what is discarded.
  const source = sourceId ? findItem(useOutboxStore.getState(), sourceId) : undefined;
  if (sourceId && source?.state === 'cancelled') await retireSource(api, sourceId);
  useComposeStore.getState().discard();
  return true;
}
