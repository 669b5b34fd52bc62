/** One recipient's fate after our server took the message: each report, oldest first, and a read receipt. */
import type { Recipient } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { readReceiptText, timeline } from './tracking-logic';

export function DeliveryTimeline({ recipient }: { recipient: Recipient }) {
  const { t } = useT();
  const now = Date.now();
  const rows = timeline(recipient, now);
  const receipt = readReceiptText(recipient, now);
  if (!rows.length && !receipt) return null;
  return (
    <ol className="delivery-timeline" aria-label={t('tracking.timeline')}>
      {rows.map((row) => (
        <li key={row.key} className={`delivery-event delivery-${row.state}`}>
          <span className={`result-badge tracking-${row.state}`}>{row.label}</span> <time>{row.when}</time>
          {row.detail && <span className="delivery-detail">{row.detail}</span>}
          {row.retry && <span className="delivery-retry">{row.retry}</span>}
        </li>
      ))}
      {receipt && <li className="delivery-event delivery-read">{receipt}</li>}
    </ol>
  );
}
