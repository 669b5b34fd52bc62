/**
 * Compose: write a message and hand it to the outbox. The form is cleared only
 * when the core has queued the message; a refusal keeps everything typed.
 * While writing, the message is saved as a draft (autosave.ts); the line under
 * the title says when it last was.
 */
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { LIMITS } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { formatWhen } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { chosenAccount } from '../../store/accounts-logic';
import { useAccountsUiStore } from '../../store/accounts-ui';
import type { CheckedFieldName } from '../../store/compose-logic';
import { useComposeStore } from '../../store/compose';
import { useDraftsStore } from '../../store/drafts';
import { heldItems, useOutboxStore } from '../../store/outbox';
import { useSettingsStore } from '../../store/settings';
import { useStatusStore } from '../../store/status';
import { discardCompose } from '../drafts/drafts-actions';
import { Icon } from '../icons/Icon';
import { isMac } from '../keyboard/key-label';
import { knownAddresses } from './address-book';
import { AddressField } from './AddressField';
import { AttachmentsField } from './AttachmentsField';
import { DeliveryFields } from './DeliveryFields';
import { FromField } from './FromField';
import { MessageEditor } from './MessageEditor';
import { submitCompose } from './submit';

function DraftStatusLine() {
  const { t } = useT();
  const status = useComposeStore((s) => s.draftStatus);
  if (status.kind === 'failed') {
    return (
      <p role="alert" className="draft-status is-failed">
        {status.message}
      </p>
    );
  }
  // Not a live region: "saved" every few seconds would be noise to a screen reader.
  const text = status.kind === 'saving' ? t('compose.draftSaving') : status.kind === 'saved' ? t('compose.draftSaved', { time: formatWhen(status.at, Date.now()) }) : '';
  return <p className="draft-status">{text}</p>;
}

/** Maximize and Restore size: the same keys both ways. */
export const MAXIMIZE_KEYS = 'Control+Shift+M Meta+Shift+M';

interface Props {
  maximized: boolean;
  onToggleMaximized(): void;
}

export function ComposeForm({ maximized, onToggleMaximized }: Props) {
  const api = useApi();
  const { t } = useT();
  const subject = useComposeStore((s) => s.fields.subject);
  const origin = useComposeStore((s) => s.origin);
  const submitError = useComposeStore((s) => s.submitError);
  const submitting = useComposeStore((s) => s.submitting);
  const reading = useComposeStore((s) => s.reading);
  const accountId = useComposeStore((s) => s.accountId);
  const setField = useComposeStore((s) => s.setField);
  const close = useComposeStore((s) => s.close);
  const accounts = useStatusStore((s) => s.accounts);
  const defaultAccountId = useSettingsStore((s) => s.settings?.defaultAccountId);
  const sizeLimits = useAccountsUiStore((s) => s.sizeLimits);
  const list = useOutboxStore((s) => s.list);
  // The rows loaded and the items heard of: the whole outbox is never in this window.
  const items = useMemo(() => heldItems({ list, known: useOutboxStore.getState().known }), [list]);
  const drafts = useDraftsStore((s) => s.drafts);

  const account = chosenAccount(accounts, accountId, defaultAccountId);
  // Addresses used before: computed when Compose opens, and again only if the lists change.
  const book = useMemo(() => knownAddresses(items, drafts), [items, drafts]);

  const toRef = useRef<HTMLInputElement>(null);
  const ccRef = useRef<HTMLInputElement>(null);
  const bccRef = useRef<HTMLInputElement>(null);
  const delayRef = useRef<HTMLInputElement>(null);
  const sendAtRef = useRef<HTMLSelectElement>(null);
  const [deliveryOpen, setDeliveryOpen] = useState(false);
  const focusField = (name: CheckedFieldName) => {
    // A refused delay or Send later is in the folded options: unfold them first, or there is nothing to focus.
    if (name === 'delay' || name === 'sendAt') flushSync(() => setDeliveryOpen(true));
    ({ to: toRef, cc: ccRef, bcc: bccRef, delay: delayRef, sendAt: sendAtRef })[name].current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = await submitCompose(api, {});
    if (outcome.kind === 'refused') focusField(outcome.focus);
    else if (outcome.kind === 'failed' && outcome.focus) focusField(outcome.focus);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    } else if (event.key.toLowerCase() === 'm' && event.shiftKey && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      onToggleMaximized();
    }
  };

  return (
    // noValidate: the app's own checks give better reasons than the browser's bubbles.
    <form className="compose-form" aria-labelledby="compose-title" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <header className="dialog-head">
        <div className="dialog-heading">
          <h2 id="compose-title" className="dialog-title">
            {origin === 'new' ? t('compose.title') : t('compose.editTitle')}
          </h2>
          <DraftStatusLine />
        </div>
        <div className="dialog-head-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={maximized ? t('compose.restore') : t('compose.maximize')}
            title={`${maximized ? t('compose.restore') : t('compose.maximize')} (${isMac() ? '⌘' : t('keys.ctrl')}+${t('keys.shift')}+M)`}
            aria-keyshortcuts={MAXIMIZE_KEYS}
            onClick={onToggleMaximized}
          >
            <Icon name={maximized ? 'restore' : 'maximize'} />
          </button>
          <button type="button" className="icon-button" aria-label={t('compose.close')} title={t('compose.close')} onClick={close}>
            <Icon name="close" />
          </button>
        </div>
      </header>
      {/* Everything between the title and the actions scrolls, so Send stays in view. */}
      <div className="compose-scroll">
      {origin === 'queued' && <p className="compose-note">{t('compose.editNote')}</p>}
      <div className="compose-head">
        <FromField accounts={accounts ?? []} chosen={account} />
        <AddressField name="to" label={t('compose.to')} required inputRef={toRef} autoFocus book={book} />
        <AddressField name="cc" label={t('compose.cc')} inputRef={ccRef} book={book} />
        <AddressField name="bcc" label={t('compose.bcc')} inputRef={bccRef} book={book} />
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
      <MessageEditor />
      <AttachmentsField serverLimit={account ? sizeLimits[account.id] : undefined} />
      <DeliveryFields open={deliveryOpen} onToggle={() => setDeliveryOpen(!deliveryOpen)} delayRef={delayRef} sendAtRef={sendAtRef} accountDsn={account?.dsn} />
      </div>
      {/* Outside the scrolling part, just above Send: why Send was refused is always in view. */}
      {submitError && (
        <p role="alert" className="form-error compose-refusal">
          {submitError}
        </p>
      )}
      <footer className="dialog-actions">
        <p id="compose-send-hint" className="field-hint">
          {t('compose.sendHint')}
        </p>
        <button type="button" className="quiet" onClick={() => void discardCompose(api)}>
          {t('compose.discard')}
        </button>
        <button type="submit" className="primary" disabled={submitting || reading > 0} aria-describedby="compose-send-hint" aria-keyshortcuts="Control+Enter Meta+Enter">
          {t('compose.send')}
        </button>
      </footer>
    </form>
  );
}
