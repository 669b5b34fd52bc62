/**
 * Compose's "Delivery receipts": a disclosure button with a one-line summary
 * of what is asked for; opened, the checkboxes and the return choice. Starts
 * from the chosen account's defaults and follows the account until changed.
 */
import { useState } from 'react';
import { DEFAULT_DSN, type DsnRequest } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { useComposeStore } from '../../store/compose';
import { dsnText } from '../detail/format';
import { Icon } from '../icons/Icon';
import { DsnFields } from '../receipts/DsnFields';

export function ReceiptsControl({ accountDsn }: { accountDsn: DsnRequest | undefined }) {
  const { t } = useT();
  const chosen = useComposeStore((s) => s.dsn);
  const setDsn = useComposeStore((s) => s.setDsn);
  const readReceipt = useComposeStore((s) => s.readReceipt);
  const setReadReceipt = useComposeStore((s) => s.setReadReceipt);
  const [open, setOpen] = useState(false);
  const value = chosen ?? accountDsn ?? DEFAULT_DSN;
  return (
    <div className="receipts">
      <div className="receipts-head">
        <button
          type="button"
          className={`quiet disclosure${open ? ' is-open' : ''}`}
          aria-expanded={open}
          aria-controls="compose-receipts"
          aria-describedby="compose-receipts-summary"
          onClick={() => setOpen(!open)}
        >
          <Icon name="chevron" />
          {t('compose.receipts')}
        </button>
        <span id="compose-receipts-summary" className="field-hint">
          {dsnText(value)}
        </span>
      </div>
      <div id="compose-receipts" className="receipts-panel" hidden={!open}>
        {open && <DsnFields idPrefix="compose-dsn" value={value} onChange={setDsn} />}
      </div>
      <label className="checkbox-row" htmlFor="compose-read-receipt">
        <input id="compose-read-receipt" type="checkbox" checked={readReceipt} onChange={(e) => setReadReceipt(e.currentTarget.checked)} />
        {t('compose.readReceipt')}
      </label>
    </div>
  );
}
