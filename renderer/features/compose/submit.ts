/**
 * Send: check locally, hand the draft to the core, and only clear the form
 * once the core has confirmed the message is durably queued.
 */
import type { MailApi } from '../../../shared/contract';
import { settle } from '../../app/settle';
import { formatWhen } from '../../format/time';
import { t } from '../../i18n/t';
import { checkDraft, type CheckedFieldName } from '../../store/compose-logic';
import { useComposeStore } from '../../store/compose';
import { useOutboxStore } from '../../store/outbox';
import { accountInUse } from '../../store/status-logic';
import { useStatusStore } from '../../store/status';
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
  if (compose.submitting) return { kind: 'busy' };
  const now = Date.now();
  const check = checkDraft(compose.fields, { now, delayEdited: compose.delayEdited, sendAtIncomplete: options.sendAtIncomplete === true });
  if (!check.ok) {
    compose.refused(check.errors, check.summary);
    return { kind: 'refused', focus: check.firstInvalid };
  }

  compose.submitStarted();
  const account = accountInUse(useStatusStore.getState().accounts);
  const request = account ? { ...check.draft, accountId: account.id } : check.draft;
  const result = await settle(() => api.outbox.submit(request));
  if (!result.ok) {
    // The form keeps everything typed, so the user can fix and resend.
    useComposeStore.getState().submitFailed(result.error.message);
    const fieldErrors = fieldErrorsFromDetail(result.error.detail);
    if (fieldErrors) {
      useComposeStore.setState((s) => ({ errors: { ...s.errors, ...fieldErrors.errors } }));
      return { kind: 'failed', focus: fieldErrors.first };
    }
    return { kind: 'failed' };
  }

  const { sendAt } = check.draft;
  useComposeStore.getState().submitted(sendAt === undefined ? t('compose.queued') : t('compose.scheduled', { time: formatWhen(sendAt, now) }));
  const outbox = useOutboxStore.getState();
  outbox.upsert(result.value);
  outbox.select(result.value.id);
  return { kind: 'queued', id: result.value.id };
}
