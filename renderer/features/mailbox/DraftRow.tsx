/** A row of Drafts for a saved draft: who, what, when last saved; Edit continues it in Compose, Delete asks first. */
import { memo } from 'react';
import type { Draft } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { deleteDraft, openDraft } from '../drafts/drafts-actions';
import { draftRecipientsText } from '../drafts/format';
import { Cell } from '../list/Cell';
import { RowButton } from '../list/RowButton';
import { subjectText } from '../outbox/format';

export const DraftRow = memo(function DraftRow({ draft }: { draft: Draft }) {
  const { t } = useT();
  const api = useApi();
  const subjectId = `row-subject-${draft.id}`;
  const recipients = draftRecipientsText(draft);
  const when = formatWhen(draft.updatedAt, Date.now());
  return (
    <>
      <Cell className="cell-recipients" title={recipients}>
        {recipients}
      </Cell>
      <Cell className="cell-subject" id={subjectId}>
        {subjectText(draft.subject)}
      </Cell>
      <Cell className="cell-state">
        <span className="state-badge state-draft">{t('state.saved')}</span>
      </Cell>
      <Cell className="cell-time" column={t('column.changedAt')} spoken={when}>
        {when}
      </Cell>
      <span className="cell cell-actions">
        <RowButton label={t('drafts.open')} blockedReason={null} busy={false} describedBy={subjectId} reasonId={`open-reason-${draft.id}`} onRun={() => openDraft(draft.id)} />
        <RowButton
          label={t('drafts.delete')}
          blockedReason={null}
          busy={false}
          describedBy={subjectId}
          reasonId={`delete-reason-${draft.id}`}
          onRun={() => deleteDraft(api, draft.id)}
        />
      </span>
    </>
  );
});
