/**
 * Send: check locally, hand the message to the core, and only clear the form
 * once the core has confirmed it is durably queued. The saved draft it came
 * from is named (draftId) so the core deletes it in the same write; an item
 * it was taken from (Edit, Undo) is removed afterwards.
 */
import type { MailApi } from '../../../shared/contract';
import type { DraftInput } from '../../../shared/model';
import { settle } from '../../app/settle';
import { formatWhen } from '../../format/time';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { chosenAccount } from '../../store/accounts-logic';
import { useAlertsStore } from '../../store/alerts';
import { attachmentRef } from '../../store/attachment-logic';
import { checkDraft, type CheckedFieldName } from '../../store/compose-logic';
import { fullAddress, useComposeStore } from '../../store/compose';
import { useDraftsStore } from '../../store/drafts';
import { showItem } from '../../store/navigate';
import { useOutboxStore } from '../../store/outbox';
import { useSettingsStore } from '../../store/settings';
import { useStatusStore } from '../../store/status';
import { settleDrafts } from './autosave';
import { retireSource } from './retire-source';
import { emailHtml } from './rich-text-logic';
import { fieldErrorsFromDetail } from './server-errors';

export type SubmitOutcome =
  | { kind: 'busy' }
  | { kind: 'refused'; focus: CheckedFieldName }
  | { kind: 'failed'; focus?: CheckedFieldName }
  | { kind: 'queued'; id: string };

export interface SubmitOptions {
  /** The Send later input holds a partly typed date (input.validity.badInput). */
  sendAtIncomplete?: boolean;
}

export async function submitCompose(api: MailApi, options: SubmitOptions = {}): Promise<SubmitOutcome> {
  const compose = useComposeStore.getState();
  // Files still being read would be left out: Send waits for them (the button says so).
  if (compose.submitting || compose.reading > 0) return { kind: 'busy' };
  const now = Date.now();
  // Text typed into To, Cc or Bcc and not yet a chip counts: "fill and Send" works.
  const values = { ...compose.fields, to: fullAddress(compose, 'to'), cc: fullAddress(compose, 'cc'), bcc: fullAddress(compose, 'bcc') };
  const check = checkDraft(values, { now, delayEdited: compose.delayEdited, sendAtIncomplete: options.sendAtIncomplete === true });
  if (!check.ok) {
    compose.refused(check.errors, check.summary);
    return { kind: 'refused', focus: check.firstInvalid };
  }

  compose.submitStarted();
  // A save under way may be creating the draft: its id must be known, and no save may follow the send.
  await settleDrafts();
  const s = useComposeStore.getState();
  const account = chosenAccount(useStatusStore.getState().accounts, s.accountId, useSettingsStore.getState().settings?.defaultAccountId);
  const { html, ...draft } = check.draft;
  const request: DraftInput = { ...draft };
  if (html !== undefined) request.html = emailHtml(html);
  if (s.attachments.length > 0) request.attachments = s.attachments.map(attachmentRef);
  const dsn = s.dsn ?? account?.dsn;
  if (dsn) request.dsn = dsn;
  if (s.readReceipt) request.readReceipt = true;
  if (s.threading) request.threading = s.threading;
  // The account chosen (or the item's, on Edit) even before the account list has loaded.
  const accountId = account?.id ?? s.accountId;
  if (accountId) request.accountId = accountId;
  if (s.draftId) request.draftId = s.draftId;
  const result = await settle(() => api.outbox.submit(request));
  if (!result.ok) {
    // The form keeps everything typed, so the user can fix and resend.
    useComposeStore.getState().submitFailed(errorText(result.error));
    const fieldErrors = fieldErrorsFromDetail(result.error.detail);
    if (fieldErrors) {
      useComposeStore.setState((state) => ({ errors: { ...state.errors, ...fieldErrors.errors } }));
      return { kind: 'failed', focus: fieldErrors.first };
    }
    return { kind: 'failed' };
  }

  const item = result.value;
  if (s.draftId) useDraftsStore.getState().remove(s.draftId);
  if (s.sourceId) void retireSource(api, s.sourceId);
  useComposeStore.getState().submitted();
  useOutboxStore.getState().upsert(item);
  showItem(item);
  const { sendAt } = check.draft;
  useAlertsStore.getState().push({
    kind: 'queued',
    itemId: item.id,
    text: sendAt === undefined ? t('alerts.queued') : t('alerts.scheduled', { time: formatWhen(sendAt, now) }),
  });
  return { kind: 'queued', id: item.id };
}
