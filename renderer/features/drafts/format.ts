/** Pure wording of saved drafts in lists and details. */
import type { Draft } from '../../../shared/model';
import { addressValue } from '../compose/chips-logic';
import { t } from '../../i18n/t';

/** To, then Cc and Bcc, as typed; a draft may have none yet. */
export function draftRecipientsText(draft: Pick<Draft, 'to' | 'cc' | 'bcc'>): string {
  const all = addressValue([draft.to, draft.cc, draft.bcc].map((v) => v.trim()).filter(Boolean), '');
  return all === '' ? t('drafts.noRecipients') : all;
}
