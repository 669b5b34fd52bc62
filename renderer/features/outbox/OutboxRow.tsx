/**
 * One outbox item. The row itself is the selection target (click, Enter or
 * Space); Cancel is offered only while the core can still stop the send.
 */
import { Fragment, memo, type KeyboardEvent } from 'react';
import { cancelState, type OutboxItem } from '../../../shared/model';
import { t } from '../../i18n/t';
import { recipientsText, stateWord, subjectText, timeNote, warningBadges } from './format';

interface Props {
  item: OutboxItem;
  selected: boolean;
  /** Roving tab stop: only one row is in the Tab order; arrows move between rows. */
  tabStop: boolean;
  cancelling: boolean;
  cancelError: string | undefined;
  onSelect(id: string): void;
  onCancel(id: string): Promise<unknown>;
}

function moveFocus(from: HTMLElement, key: string): boolean {
  const rows = from.parentElement ? [...from.parentElement.children] : [];
  const index = rows.indexOf(from);
  const target =
    key === 'ArrowDown' ? rows[index + 1] : key === 'ArrowUp' ? rows[index - 1] : key === 'Home' ? rows[0] : key === 'End' ? rows[rows.length - 1] : undefined;
  if (!(target instanceof HTMLElement)) return false;
  target.focus();
  return true;
}

export const OutboxRow = memo(function OutboxRow({ item, selected, tabStop, cancelling, cancelError, onSelect, onCancel }: Props) {
  const subjectId = `outbox-subject-${item.id}`;
  const canCancel = cancelState(item).possible;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Keys pressed on the Cancel button belong to the button.
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(item.id);
    } else if (moveFocus(event.currentTarget, event.key)) {
      event.preventDefault();
    }
  };

  return (
    <li
      className={`outbox-row state-${item.state}${selected ? ' is-selected' : ''}`}
      data-id={item.id}
      data-state={item.state}
      tabIndex={tabStop ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(item.id)}
      onKeyDown={onKeyDown}
    >
      <div className="row-main">
        <span className="row-recipients">{recipientsText(item.recipients)}</span>{' '}
        <span id={subjectId} className="row-subject">
          {subjectText(item.subject)}
        </span>{' '}
        <span className="row-time">{timeNote(item, Date.now())}</span>
      </div>
      {/* Spaces between the parts keep the row's text readable as one line (screen readers, text search). */}{' '}
      <div className="row-side">
        <span className="state-word">{stateWord(item.state)}</span>
        {warningBadges(item.warnings).map((badge) => (
          <Fragment key={badge.code}>
            {' '}
            <span className={`badge badge-${badge.code}`} title={badge.hint}>
              {badge.label}
            </span>
          </Fragment>
        ))}{' '}
        {canCancel && (
          <button
            type="button"
            className="row-cancel"
            aria-describedby={subjectId}
            disabled={cancelling}
            onClick={(event) => {
              // Cancelling is not selecting: the row keeps its selection state.
              event.stopPropagation();
              const button = event.currentTarget;
              const row = button.closest('li');
              void onCancel(item.id).then(() => {
                // A successful cancel removes the button; keep the keyboard user on this row, not lost at <body>.
                if (!button.isConnected && row?.isConnected && document.activeElement === document.body) row.focus();
              });
            }}
          >
            {t('outbox.cancel')}
          </button>
        )}
      </div>
      {item.error && <p className="row-error">{item.error.message}</p>}
      {cancelError && (
        <p className="row-error" role="alert">
          {cancelError}
        </p>
      )}
    </li>
  );
});
