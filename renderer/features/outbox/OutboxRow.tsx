/**
 * One outbox item. The row itself is the selection target (click, Enter or
 * Space); Cancel is offered only while the core can still stop the send, and
 * Retry now only while the item is deferred or failed.
 */
import { Fragment, memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { OutboxItem } from '../../../shared/model';
import { t } from '../../i18n/t';
import { recipientsText, stateWord, subjectText, timeNote, warningBadges } from './format';
import { rowActions } from './row-logic';

interface Props {
  item: OutboxItem;
  selected: boolean;
  /** Roving tab stop: only one row is in the Tab order; arrows move between rows. */
  tabStop: boolean;
  cancelling: boolean;
  cancelError: string | undefined;
  retrying: boolean;
  retryError: string | undefined;
  onSelect(id: string): void;
  onCancel(id: string): Promise<unknown>;
  onRetry(id: string): Promise<unknown>;
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

/**
 * Runs a row action without selecting the row. A successful action usually
 * removes its own button: the keyboard user is then kept on the row, not lost at <body>.
 */
function runRowAction(event: MouseEvent<HTMLButtonElement>, action: () => Promise<unknown>): void {
  event.stopPropagation();
  const button = event.currentTarget;
  const row = button.closest('li');
  void action().then(() => {
    if (!button.isConnected && row?.isConnected && document.activeElement === document.body) row.focus();
  });
}

export const OutboxRow = memo(function OutboxRow({
  item,
  selected,
  tabStop,
  cancelling,
  cancelError,
  retrying,
  retryError,
  onSelect,
  onCancel,
  onRetry,
}: Props) {
  const subjectId = `outbox-subject-${item.id}`;
  const actions = rowActions(item);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Keys pressed on the row's buttons belong to the buttons.
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
        {actions.retry && (
          <button
            type="button"
            className="row-retry"
            aria-describedby={subjectId}
            disabled={retrying}
            onClick={(event) => runRowAction(event, () => onRetry(item.id))}
          >
            {t('outbox.retry')}
          </button>
        )}{' '}
        {actions.cancel && (
          <button
            type="button"
            className="row-cancel"
            aria-describedby={subjectId}
            disabled={cancelling}
            onClick={(event) => runRowAction(event, () => onCancel(item.id))}
          >
            {t('outbox.cancel')}
          </button>
        )}
      </div>
      {item.error && (
        <p className="row-error row-reason">
          <span className="row-error-label">{t('outbox.errorLabel')}</span> {item.error.message}
        </p>
      )}
      {cancelError && (
        <p className="row-error" role="alert">
          {cancelError}
        </p>
      )}
      {retryError && actions.retry && (
        <p className="row-error" role="alert">
          {retryError}
        </p>
      )}
    </li>
  );
});
