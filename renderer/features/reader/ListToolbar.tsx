/** Sort, order, the unread and starred filters, and conversation grouping. */
import { LIST_SORTS } from '../../../shared/mail-model';
import { useT } from '../../i18n/use-t';
import { useReaderStore } from '../../store/reader';
import type { ListSort } from '../../store/reader-logic';

export function ListToolbar() {
  const { t } = useT();
  const { sort, descending, unreadOnly, flaggedOnly, threads, setListOptions } = useReaderStore();
  return (
    <div className="list-toolbar">
      <label className="inline-field">
        <span>{t('reader.sortBy')}</span>
        <select value={sort} onChange={(e) => setListOptions({ sort: e.target.value as ListSort })}>
          {LIST_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`reader.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('reader.order')}</span>
        <select value={descending ? 'desc' : 'asc'} onChange={(e) => setListOptions({ descending: e.target.value === 'desc' })}>
          <option value="desc">{t('reader.order.descending')}</option>
          <option value="asc">{t('reader.order.ascending')}</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setListOptions({ unreadOnly: e.target.checked })} />
        {t('reader.filter.unread')}
      </label>
      <label className="check">
        <input type="checkbox" checked={flaggedOnly} onChange={(e) => setListOptions({ flaggedOnly: e.target.checked })} />
        {t('reader.filter.flagged')}
      </label>
      <label className="check">
        <input type="checkbox" checked={threads} onChange={(e) => setListOptions({ threads: e.target.checked })} />
        {t('reader.threads')}
      </label>
    </div>
  );
}
