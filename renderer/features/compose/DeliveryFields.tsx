/** When the message leaves (the undo delay, Send later) and the delivery receipts it asks for. */
import type { RefObject } from 'react';
import type { DsnRequest } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { useComposeStore } from '../../store/compose';
import { DelayField } from '../delay/DelayField';
import { SendLaterField } from '../delay/SendLaterField';
import { fieldAria } from '../form/field-aria';
import { Field } from '../form/Field';
import { isLeavingForSubmit } from './blur';
import { ReceiptsControl } from './ReceiptsControl';

interface Props {
  delayRef: RefObject<HTMLInputElement | null>;
  sendAtRef: RefObject<HTMLSelectElement | null>;
  /** The chosen account's default receipts. */
  accountDsn: DsnRequest | undefined;
}

export function DeliveryFields({ delayRef, sendAtRef, accountDsn }: Props) {
  const { t } = useT();
  const delay = useComposeStore((s) => s.fields.delay);
  const delayError = useComposeStore((s) => s.errors.delay);
  const defaultDelay = useComposeStore((s) => s.defaultDelay);
  const sendAt = useComposeStore((s) => s.fields.sendAt);
  const sendAtError = useComposeStore((s) => s.errors.sendAt);
  const setField = useComposeStore((s) => s.setField);
  const blurred = useComposeStore((s) => s.blurred);

  return (
    <fieldset className="compose-delivery">
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
  );
}
