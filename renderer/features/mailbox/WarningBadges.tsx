/** Warnings on a message (No DSN support, Possible duplicate), each with its explanation as a tooltip. */
import { Fragment } from 'react';
import type { WarningCode } from '../../../shared/errors';
import { warningBadges } from '../outbox/format';

export function WarningBadges({ warnings }: { warnings: readonly WarningCode[] }) {
  if (warnings.length === 0) return null;
  return (
    <>
      {warningBadges(warnings).map((badge) => (
        <Fragment key={badge.code}>
          {' '}
          <span className={`badge badge-${badge.code}`} title={badge.hint}>
            {badge.label}
          </span>
        </Fragment>
      ))}
    </>
  );
}
