/** A saved draft in the details pane: what it holds so far, Continue writing and Delete. */
import type { Draft } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatDateTime, isoTime } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { accountOption } from '../../store/accounts-logic';
import { useStatusStore } from '../../store/status';
import { Fact } from '../detail/Fact';
import { dsnText } from '../detail/format';
import { MessageContent } from '../detail/MessageContent';
import { subjectText } from '../outbox/format';
import { deleteDraft, openDraft } from './drafts-actions';

export function DraftDetail({ draft }: { draft: Draft }) {
  const { t } = useT();
  const api = useApi();
  const account = useStatusStore((s) => s.accounts?.find((a) => a.id === draft.accountId));
  const fields = (['to', 'cc', 'bcc'] as const).filter((f) => draft[f].trim() !== '');
  return (
    <section className="detail-pane" aria-label={t('detail.label')}>
      <header className="detail-head">
        <h3 id="detail-subject" className="detail-subject">
          {subjectText(draft.subject)}
        </h3>
        <span className="state-badge state-draft">{t('state.saved')}</span>
        <div className="detail-actions">
          <button type="button" className="primary" onClick={() => void openDraft(draft.id)}>
            {t('drafts.continue')}
          </button>
          <button type="button" onClick={() => void deleteDraft(api, draft.id)}>
            {t('drafts.delete')}
          </button>
        </div>
      </header>
      <div className="detail-body">
        <div className="detail-info" tabIndex={0} role="group" aria-labelledby="detail-subject">
          <dl className="facts">
            <Fact label={t('drafts.account')}>{account ? accountOption(account) : t('drafts.defaultAccount')}</Fact>
            <Fact label={t('drafts.savedAt')}>
              <time dateTime={isoTime(draft.updatedAt)}>{formatDateTime(draft.updatedAt)}</time>
            </Fact>
            {fields.map((f) => (
              <Fact key={f} label={t(`detail.field.${f}`)}>
                {draft[f]}
              </Fact>
            ))}
            {fields.length === 0 && <Fact label={t('detail.recipients')}>{t('drafts.noRecipients')}</Fact>}
            {draft.dsn && <Fact label={t('detail.receipts')}>{dsnText(draft.dsn)}</Fact>}
          </dl>
          <MessageContent attachments={draft.attachments} text={draft.text} />
        </div>
      </div>
    </section>
  );
}
