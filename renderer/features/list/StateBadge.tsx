/** A message's state as a coloured word. `data-state` lets tests follow the state shown. */
import type { OutboxState } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { stateWord } from '../outbox/format';

export function StateBadge({ state, live = false }: { state: OutboxState; live?: boolean }) {
  useT();
  return (
    <span className={`state-badge state-${state}`} data-state={live ? state : undefined}>
      {stateWord(state)}
    </span>
  );
}
