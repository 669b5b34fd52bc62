/** Per-recipient results: accepted or rejected at RCPT, with the server's words, or still pending. */
import type { Recipient } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { mailboxText } from '../outbox/format';
import { DeliveryTimeline } from '../tracking/DeliveryTimeline';
import { fieldName, recipientReply, resultWord } from './format';

/** `results`: false for a draft, whose recipients have not been tried (nothing is pending). `final`: the message failed for good. */
export function RecipientList({ recipients, results, final = false }: { recipients: readonly Recipient[]; results: boolean; final?: boolean }) {
  useT();
  return (
    <ul className="recipient-list">
      {recipients.map((r) => (
        <li key={`${r.field}:${r.address}`} className={`recipient recipient-${r.state}`}>
          <span className="recipient-field">{fieldName(r.field)}</span>{' '}
          <span className="recipient-address">{mailboxText(r)}</span>{' '}
          {(results || r.state !== 'pending') && (
            <>
              <span className={`result-badge result-${r.state}`}>{resultWord(r.state, final)}</span>{' '}
            </>
          )}
          {(r.reply || (results && !final && r.state === 'pending')) && <span className="recipient-reply">{recipientReply(r)}</span>}
          <DeliveryTimeline recipient={r} />
        </li>
      ))}
    </ul>
  );
}
