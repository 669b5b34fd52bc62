/** A row of Drafts for a saved draft: who, what, when last saved; Edit continues it in Compose, Delete asks first. */
import { memo } from 'react';
import type { Draft } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { deleteDraft, openDraft } from '../drafts/drafts-actions';
import { draftRecipientsText } from '../drafts/format';
import { Cell } from '../list/Cell';
import { MailboxRow } from './MailboxRow';

export const DraftRow = memo(function DraftRow({ draft }: { draft: Draft }) {
  const { t } = useT();
  const api = useApi();
  return (
    <MailboxRow
      id={draft.id}
      recipients={draftRecipientsText(draft)}
      subject={draft.subject}
      busy={false}
      actions={[
        { name: 'open', label: t('drafts.open'), run: () => openDraft(draft.id) },
        { name: 'delete', label: t('drafts.delete'), run: () => deleteDraft(api, draft.id) },
      ]}
    >
      <Cell className="cell-state">
        <span className="state-badge state-draft">{t('state.saved')}</span>
      </Cell>
      <Cell className="cell-time" column={t('column.changedAt')}>
        {formatWhen(draft.updatedAt, Date.now())}
      </Cell>
    </MailboxRow>
  );
});
