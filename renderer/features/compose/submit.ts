/**
 * Send: check locally, hand the draft to the core, and only clear the form
 * once the core has confirmed the message is durably queued. A message sent
 * from an edited draft replaces that draft.
 */
import type { MailApi } from '../../../shared/contract';
import { settle } from '../../app/settle';
import { formatWhen } from '../../format/time';
import { t } from '../../i18n/t';
import { useAlertsStore } from '../../store/alerts';
import { checkDraft, type CheckedFieldName } from '../../store/compose-logic';
import { useComposeStore } from '../../store/compose';
import { showItem } from '../../store/navigate';
import { useOutboxStore } from '../../store/outbox';
import { accountInUse } from '../../store/status-logic';
import { useStatusStore } from '../../store/status';
import { useSupersededStore } from '../../store/superseded';
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
  const check = checkDraft(compose.fields, { now, delayEdited: compose.delayEdited, sendAtIncomplete: options.sendAtIncomplete === true });
  if (!check.ok) {
    compose.refused(check.errors, check.summary);
    return { kind: 'refused', focus: check.firstInvalid };
  }

  compose.submitStarted();
  const account = accountInUse(useStatusStore.getState().accounts);
  const source = compose.source;
  const attachments = compose.attachments.map(({ name, type, contentBase64 }) => ({ name, type, contentBase64 }));
  const request = {
    ...check.draft,
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(source ? { dsn: source.dsn } : {}),
    ...(account ? { accountId: account.id } : {}),
  };
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

  const item = result.value;
  if (source) useSupersededStore.getState().supersede(source.id);
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
