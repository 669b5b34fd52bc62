/**
 * When the message leaves (the undo delay, Send later) and the delivery
 * receipts it asks for, folded under "Delivery options" until wanted: most
 * messages go with the defaults, and the body gets the room. Beside the
 * disclosure, one line says what differs from the defaults. The fields stay
 * mounted while folded, so what was chosen (Send later's preset) is kept.
 */
import type { RefObject } from 'react';
import type { DsnRequest } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { useComposeStore } from '../../store/compose';
import { DelayField } from '../delay/DelayField';
import { SendLaterField } from '../delay/SendLaterField';
import { fieldAria } from '../form/field-aria';
import { Field } from '../form/Field';
import { Icon } from '../icons/Icon';
import { isLeavingForSubmit } from './blur';
import { deliverySummary } from './delivery-summary';
import { ReceiptsControl } from './ReceiptsControl';

interface Props {
  open: boolean;
  onToggle(): void;
  delayRef: RefObject<HTMLInputElement | null>;
  sendAtRef: RefObject<HTMLSelectElement | null>;
  /** The chosen account's default receipts. */
  accountDsn: DsnRequest | undefined;
}

export function DeliveryFields({ open, onToggle, delayRef, sendAtRef, accountDsn }: Props) {
  const { t } = useT();
  const delay = useComposeStore((s) => s.fields.delay);
  const delayError = useComposeStore((s) => s.errors.delay);
  const defaultDelay = useComposeStore((s) => s.defaultDelay);
  const sendAt = useComposeStore((s) => s.fields.sendAt);
  const sendAtError = useComposeStore((s) => s.errors.sendAt);
  const setField = useComposeStore((s) => s.setField);
  const dsn = useComposeStore((s) => s.dsn);
  const readReceipt = useComposeStore((s) => s.readReceipt);
  // A field with an error is never folded away out of sight.
  const shown = open || Boolean(delayError) || Boolean(sendAtError);
  const summary = deliverySummary({ delay, defaultDelay, sendAt, dsn, accountDsn, readReceipt });

  return (
    <div className="compose-delivery-options">
      <div className="receipts-head">
        <button
          type="button"
          className={`quiet disclosure${shown ? ' is-open' : ''}`}
          aria-expanded={shown}
          aria-controls="compose-delivery"
          aria-describedby="compose-delivery-summary"
          onClick={onToggle}
        >
          <Icon name="chevron" />
          {t('compose.deliveryOptions')}
        </button>
        <span id="compose-delivery-summary" className="field-hint">
          {summary}
        </span>
      </div>
    <fieldset id="compose-delivery" className="compose-delivery" hidden={!shown}>
      <legend className="visually-hidden">{t('compose.options')}</legend>
      <DelayField
        id="compose-delay"
        name="delay"
        label={t('compose.delay')}
        hint={
          <>
            {t('compose.delayHint')}
            {defaultDelay !== null && <> {t('compose.delayDefaultHint', { seconds: defaultDelay })}</>}
          </>
        }
        value={delay}
        inputRef={delayRef}
        onChange={(value) => setField('delay', value)}
        error={{ text: delayError }}
      />
      <SendLaterField value={sendAt} error={sendAtError} selectRef={sendAtRef} onChange={(value) => setField('sendAt', value)} />
      <ReceiptsControl accountDsn={accountDsn} />
    </fieldset>
    </div>
  );
}
