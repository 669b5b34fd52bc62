/**
 * Compose: write a message and hand it to the outbox. The form is cleared only
 * when the core has queued the message; a refusal keeps everything typed.
 */
import { useRef, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { t } from '../../i18n/t';
import type { CheckedFieldName } from '../../store/compose-logic';
import { useComposeStore } from '../../store/compose';
import { AddressField } from './AddressField';
import { isLeavingForSubmit } from './blur';
import { submitCompose } from './submit';

export function ComposeForm() {
  const api = useApi();
  const subject = useComposeStore((s) => s.fields.subject);
  const text = useComposeStore((s) => s.fields.text);
  const delay = useComposeStore((s) => s.fields.delay);
  const delayError = useComposeStore((s) => s.errors.delay);
  const defaultDelay = useComposeStore((s) => s.defaultDelay);
  const sendAt = useComposeStore((s) => s.fields.sendAt);
  const sendAtError = useComposeStore((s) => s.errors.sendAt);
  const blurred = useComposeStore((s) => s.blurred);
  const submitError = useComposeStore((s) => s.submitError);
  const notice = useComposeStore((s) => s.notice);
  const submitting = useComposeStore((s) => s.submitting);
  const setField = useComposeStore((s) => s.setField);

  const toRef = useRef<HTMLInputElement>(null);
  const ccRef = useRef<HTMLInputElement>(null);
  const delayRef = useRef<HTMLInputElement>(null);
  const sendAtRef = useRef<HTMLInputElement>(null);
  const focusField = (name: CheckedFieldName) => ({ to: toRef, cc: ccRef, delay: delayRef, sendAt: sendAtRef })[name].current?.focus();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = await submitCompose(api, { sendAtIncomplete: sendAtRef.current?.validity.badInput === true });
    if (outcome.kind === 'refused') focusField(outcome.focus);
    else if (outcome.kind === 'failed' && outcome.focus) focusField(outcome.focus);
    else if (outcome.kind === 'queued') toRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  const delayDescribedBy = delayError ? 'compose-delay-hint compose-delay-error' : 'compose-delay-hint';
  const sendAtDescribedBy = sendAtError ? 'compose-sendat-hint compose-sendat-error' : 'compose-sendat-hint';

  return (
    <section className="panel compose" aria-labelledby="compose-title">
      {/* noValidate: the app's own checks give better reasons than the browser's bubbles. */}
      <form className="compose-form" aria-labelledby="compose-title" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
        <h2 id="compose-title" className="panel-title">
          {t('compose.title')}
        </h2>
        <AddressField name="to" label={t('compose.to')} required inputRef={toRef} />
        <AddressField name="cc" label={t('compose.cc')} inputRef={ccRef} />
        <div className="field">
          <label htmlFor="compose-subject">{t('compose.subject')}</label>
          <input
            id="compose-subject"
            name="subject"
            type="text"
            value={subject}
            maxLength={LIMITS.subject}
            onChange={(e) => setField('subject', e.target.value)}
          />
        </div>
        <div className="field field-grow">
          <label htmlFor="compose-message">{t('compose.message')}</label>
          <textarea id="compose-message" name="message" value={text} onChange={(e) => setField('text', e.target.value)} />
        </div>
        <div className="field field-inline">
          <label htmlFor="compose-delay">{t('compose.delay')}</label>
          <input
            ref={delayRef}
            id="compose-delay"
            name="delay"
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
        <div className="field field-datetime">
          <label htmlFor="compose-sendat">{t('compose.sendAt')}</label>
          <input
            ref={sendAtRef}
            id="compose-sendat"
            name="sendAt"
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
        {submitError && (
          <p role="alert" className="form-error">
            {submitError}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={submitting} aria-describedby="compose-send-hint">
            {t('compose.send')}
          </button>
          <p id="compose-send-hint" className="field-hint">
            {t('compose.sendHint')}
          </p>
        </div>
        <div className="form-notice" aria-live="polite">
          {notice ?? ''}
        </div>
      </form>
    </section>
  );
}
