/**
 * Compose: write a message and hand it to the outbox. The form is cleared only
 * when the core has queued the message; a refusal keeps everything typed.
 */
import { useRef, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import type { CheckedFieldName } from '../../store/compose-logic';
import { useComposeStore } from '../../store/compose';
import { Icon } from '../icons/Icon';
import { AddressField } from './AddressField';
import { AttachmentsField } from './AttachmentsField';
import { DeliveryFields } from './DeliveryFields';
import { submitCompose } from './submit';

export function ComposeForm() {
  const api = useApi();
  const { t, tPlural } = useT();
  const subject = useComposeStore((s) => s.fields.subject);
  const text = useComposeStore((s) => s.fields.text);
  const source = useComposeStore((s) => s.source);
  const submitError = useComposeStore((s) => s.submitError);
  const submitting = useComposeStore((s) => s.submitting);
  const reading = useComposeStore((s) => s.reading);
  const setField = useComposeStore((s) => s.setField);
  const close = useComposeStore((s) => s.close);
  const discard = useComposeStore((s) => s.discard);

  const toRef = useRef<HTMLInputElement>(null);
  const ccRef = useRef<HTMLInputElement>(null);
  const bccRef = useRef<HTMLInputElement>(null);
  const delayRef = useRef<HTMLInputElement>(null);
  const sendAtRef = useRef<HTMLInputElement>(null);
  const focusField = (name: CheckedFieldName) =>
    ({ to: toRef, cc: ccRef, bcc: bccRef, delay: delayRef, sendAt: sendAtRef })[name].current?.focus();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = await submitCompose(api, { sendAtIncomplete: sendAtRef.current?.validity.badInput === true });
    if (outcome.kind === 'refused') focusField(outcome.focus);
    else if (outcome.kind === 'failed' && outcome.focus) focusField(outcome.focus);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  return (
    // noValidate: the app's own checks give better reasons than the browser's bubbles.
    <form className="compose-form" aria-labelledby="compose-title" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <header className="dialog-head">
        <h2 id="compose-title" className="dialog-title">
          {source ? t('compose.editTitle') : t('compose.title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('compose.close')} title={t('compose.close')} onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      {source && (
        <p className="compose-note">
          {t('compose.editNote')}
          {source.attachmentCount > 0 && <> {tPlural('compose.attachmentsNotKept', source.attachmentCount)}</>}
        </p>
      )}
      <div className="compose-head">
        <AddressField name="to" label={t('compose.to')} required inputRef={toRef} autoFocus />
        <AddressField name="cc" label={t('compose.cc')} inputRef={ccRef} />
        <AddressField name="bcc" label={t('compose.bcc')} inputRef={bccRef} />
        <div className="compose-row">
          <label htmlFor="compose-subject">{t('compose.subject')}</label>
          <div className="compose-input">
            <input
              id="compose-subject"
              name="subject"
              type="text"
              value={subject}
              maxLength={LIMITS.subject}
              onChange={(e) => setField('subject', e.target.value)}
            />
          </div>
        </div>
      </div>
      <div className="compose-body">
        <label htmlFor="compose-message" className="visually-hidden">
          {t('compose.message')}
        </label>
        <textarea id="compose-message" name="message" value={text} onChange={(e) => setField('text', e.target.value)} />
      </div>
      <AttachmentsField />
      <DeliveryFields delayRef={delayRef} sendAtRef={sendAtRef} />
      {submitError && (
        <p role="alert" className="form-error">
          {submitError}
        </p>
      )}
      <footer className="dialog-actions">
        <p id="compose-send-hint" className="field-hint">
          {t('compose.sendHint')}
        </p>
        <button type="button" className="quiet" onClick={discard}>
          {t('compose.discard')}
        </button>
        <button type="submit" className="primary" disabled={submitting || reading > 0} aria-describedby="compose-send-hint" aria-keyshortcuts="Control+Enter Meta+Enter">
          {t('compose.send')}
        </button>
      </footer>
    </form>
  );
}
