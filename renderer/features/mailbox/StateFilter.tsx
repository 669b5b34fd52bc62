/** Outbox filter by state: native radio buttons (arrow keys move between them), drawn as chips with counts. */
import { formatCount } from '../../format/number';
import { useT } from '../../i18n/use-t';
import { filterCount, OUTBOX_FILTERS, type OutboxFilter, type StateCounts } from '../../store/mailbox-logic';
import { useUiStore } from '../../store/ui';
import { stateWord } from '../outbox/format';

export function StateFilter({ counts }: { counts: StateCounts }) {
  const { t } = useT();
  const filter = useUiStore((s) => s.outboxFilter);
  const setFilter = useUiStore((s) => s.setOutboxFilter);
  const label = (value: OutboxFilter) => (value === 'all' ? t('outbox.filterAll') : stateWord(value));
  return (
    <fieldset className="chips">
      <legend className="visually-hidden">{t('outbox.filter')}</legend>
      {OUTBOX_FILTERS.map((value) => (
        <label key={value} className={`chip${filter === value ? ' is-on' : ''}`}>
          <input type="radio" name="outbox-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
          <span>{label(value)}</span>
          <span className="chip-count">{formatCount(filterCount(counts, value))}</span>
        </label>
      ))}
    </fieldset>
  );
}
