/** When the message leaves (the undo delay, Send later) and the delivery receipts it asks for. */
import type { RefObject } from 'react';
import { LIMITS, type DsnRequest } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { useComposeStore } from '../../store/compose';
import { isLeavingForSubmit } from './blur';
import { ReceiptsControl } from './ReceiptsControl';

interface Props {
  delayRef: RefObject<HTMLInputElement | null>;
  sendAtRef: RefObject<HTMLInputElement | null>;
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

  const delayDescribedBy = delayError ? 'compose-delay-hint compose-delay-error' : 'compose-delay-hint';
  const sendAtDescribedBy = sendAtError ? 'compose-sendat-hint compose-sendat-error' : 'compose-sendat-hint';

  return (
    <fieldset className="compose-delivery">
      <legend className="visually-hidden">{t('compose.options')}</legend>
      <div className="field">
        <label htmlFor="compose-delay">{t('compose.delay')}</label>
        <input
          ref={delayRef}
          id="compose-delay"
          name="delay"
          className="input-narrow"
          type="number"
          inputMode="numeric"
          min={0}
          max={LIMITS.delaySeconds}
          step={1}
          value={delay}
          aria-invalid={delayError ? 'true' : undefined}
          aria-describedby={delayDescribedBy}
          onChange={(e) => setField('delay', e.target.value)}
        />
        <p id="compose-delay-hint" className="field-hint">
          {t('compose.delayHint')}
          {defaultDelay !== null && <> {t('compose.delayDefaultHint', { seconds: defaultDelay })}</>}
        </p>
        <div id="compose-delay-error" className="field-error" aria-live="polite">
          {delayError ?? ''}
        </div>
      </div>
      <div className="field">
        <label htmlFor="compose-sendat">{t('compose.sendAt')}</label>
        <input
          ref={sendAtRef}
          id="compose-sendat"
          name="sendAt"
          className="input-datetime"
          type="datetime-local"
          value={sendAt}
          aria-invalid={sendAtError ? 'true' : undefined}
          aria-describedby={sendAtDescribedBy}
          onChange={(e) => setField('sendAt', e.target.value)}
          onBlur={(e) => {
            if (!isLeavingForSubmit(e)) blurred('sendAt', e.currentTarget.validity.badInput);
          }}
        />
        <p id="compose-sendat-hint" className="field-hint">
          {t('compose.sendAtHint')}
        </p>
        <div id="compose-sendat-error" className="field-error" aria-live="polite">
          {sendAtError ?? ''}
        </div>
      </div>
      <ReceiptsControl accountDsn={accountDsn} />
    </fieldset>
  );
}
