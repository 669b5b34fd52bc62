/** What the storage note says: damage found at start and rows set aside in quarantine. Pure, so it is tested apart. */
import type { AppStatus } from '../../../shared/model';
import { formatDateTime } from '../../format/time';
import { t } from '../../i18n/t';
import { subjectText } from '../outbox/format';

export interface StorageNote {
  /** Changes when there is something new to say: a note dismissed for one key comes back for the next. */
  key: string;
  lines: string[];
  /** The quarantined rows, one line each. */
  rows: string[];
}

export function storageNote(storage: AppStatus['storage'] | undefined): StorageNote | null {
  if (!storage || (!storage.damage && !storage.quarantinedTotal)) return null;
  const lines: string[] = [];
  const { damage } = storage;
  if (damage) {
    lines.push(t('store.damaged', { time: formatDateTime(damage.at), folder: damage.folder }));
    if (damage.lost.length) lines.push(t('store.lost', { list: damage.lost.map((l) => subjectText(l.subject)).join(', ') }));
    lines.push(t('store.kept', { count: damage.kept.items + damage.kept.drafts }));
  }
  if (storage.quarantinedTotal) lines.push(t('store.quarantined', { count: storage.quarantinedTotal }));
  const rows = storage.quarantined.map((r) => t('store.quarantineRow', { id: r.id, time: formatDateTime(r.at), reason: r.reason }));
  return { key: `${damage?.at ?? 0}:${storage.quarantinedTotal}`, lines, rows };
}
