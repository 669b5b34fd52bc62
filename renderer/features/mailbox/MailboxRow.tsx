/**
 * What every mailbox row has: who, what, the cells its mailbox adds, then the
 * actions. The subject cell has an id so each action's description names the
 * message it acts on.
 */
import type { ReactNode } from 'react';
import type { WarningCode } from '../../../shared/errors';
import { Cell } from '../list/Cell';
import { RowButton } from '../list/RowButton';
import { subjectText } from '../outbox/format';
import { WarningBadges } from './WarningBadges';

export interface RowActionButton {
  /** Names the hidden element that says why the action is blocked. */
  name: string;
  label: string;
  blockedReason?: string | null;
  run(): Promise<unknown>;
}

interface Props {
  id: string;
  recipients: string;
  subject: string;
  warnings?: readonly WarningCode[];
  /** An action on this row is under way: the others wait. */
  busy: boolean;
  /**
   * Laid out by position, `false` holding the place of one not offered: a
   * button whose action changes (Cancel becomes Delete when the send fails)
   * stays the same element and keeps keyboard focus.
   */
  actions: readonly (RowActionButton | false)[];
  children: ReactNode;
}

export function MailboxRow({ id, recipients, subject, warnings = [], busy, actions, children }: Props) {
  const subjectId = `row-subject-${id}`;
  return (
    <>
      <Cell className="cell-recipients" title={recipients}>
        {recipients}
      </Cell>
      <Cell className="cell-subject" id={subjectId}>
        {subjectText(subject)}
        <WarningBadges warnings={warnings} />
      </Cell>
      {children}
      <span className="cell cell-actions">
        {actions.map(
          (action, slot) =>
            action && (
              <RowButton
                key={slot}
                label={action.label}
                blockedReason={action.blockedReason ?? null}
                busy={busy}
                describedBy={subjectId}
                reasonId={`${action.name}-reason-${id}`}
                onRun={action.run}
              />
            ),
        )}
      </span>
    </>
  );
}
