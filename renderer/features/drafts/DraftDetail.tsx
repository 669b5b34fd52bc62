/** A saved draft in the details pane: what it holds so far, Continue writing and Delete. */
import { Fragment } from 'react';
import type { Draft } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatSize } from '../../format/number';
import { formatDateTime, isoTime } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { accountOption } from '../../store/accounts-logic';
import { useStatusStore } from '../../store/status';
import { dsnText } from '../detail/format';
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
            <dt>{t('drafts.account')}</dt>
            <dd>{account ? accountOption(account) : t('drafts.defaultAccount')}</dd>
            <dt>{t('drafts.savedAt')}</dt>
            <dd>
              <time dateTime={isoTime(draft.updatedAt)}>{formatDateTime(draft.updatedAt)}</time>
            </dd>
            {fields.map((f) => (
              <Fragment key={f}>
                <dt>{t(`detail.field.${f}`)}</dt>
                <dd>{draft[f]}</dd>
              </Fragment>
            ))}
            {fields.length === 0 && (
              <>
                <dt>{t('detail.recipients')}</dt>
                <dd>{t('drafts.noRecipients')}</dd>
              </>
            )}
            {draft.dsn && (
              <>
                <dt>{t('detail.receipts')}</dt>
                <dd>{dsnText(draft.dsn)}</dd>
              </>
            )}
          </dl>
          {draft.attachments.length > 0 && (
            <>
              <h4 className="detail-section">{t('detail.attachments')}</h4>
              <ul className="attachment-list">
                {draft.attachments.map((a) => (
                  <li key={a.sha256 + a.name}>{t('detail.attachment', { name: a.name, size: formatSize(a.size) })}</li>
                ))}
              </ul>
            </>
          )}
          {draft.text.trim() !== '' && (
            <>
              <h4 className="detail-section">{t('compose.message')}</h4>
              <div className="detail-text">{draft.text}</div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
