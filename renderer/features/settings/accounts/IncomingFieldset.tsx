/**
 * The account form's incoming (IMAP) half: a checkbox to receive mail with
 * this account at all, then the server, port, security, user name and
 * password. The password is never shown: "Password saved" says one is stored.
 */
import type { RefObject } from 'react';
import { SECURITY_MODES, SENT_COPY_MODES } from '../../../../shared/model';
import { useT } from '../../../i18n/use-t';
import { fieldAria } from '../../form/field-aria';
import { Field } from '../../form/Field';
import { withIncomingSecurity, type IncomingErrors, type IncomingField, type IncomingFields } from './incoming-form-logic';

interface Props {
  fields: IncomingFields;
  errors: IncomingErrors;
  /** A password is stored for the incoming server (editing an account). */
  keepsSecret: boolean;
  refs: RefObject<Partial<Record<IncomingField, HTMLInputElement | null>>>;
  onChange(next: IncomingFields, changed: IncomingField | null): void;
}

export function IncomingFieldset({ fields, errors, keepsSecret, refs, onChange }: Props) {
  const { t } = useT();
  const input = (name: IncomingField, extra: { type?: string; autoComplete?: string; inputMode?: 'numeric'; hint?: boolean } = {}) => {
    const id = `account-${name}`;
    return (
      <input
        ref={(el) => {
          refs.current[name] = el;
        }}
        id={id}
        name={name}
        type={extra.type ?? 'text'}
        inputMode={extra.inputMode}
        autoComplete={extra.autoComplete ?? 'off'}
        spellCheck={false}
        value={fields[name]}
        {...fieldAria(id, { hint: extra.hint === true, errorId: errors[name] ? `${id}-error` : null })}
        onChange={(e) => onChange({ ...fields, [name]: e.target.value }, name)}
      />
    );
  };
  return (
    <fieldset className="account-group">
      <legend>{t('incoming.legend')}</legend>
      <label className="check">
        <input id="account-receive" type="checkbox" checked={fields.receive} aria-describedby="account-receive-hint" onChange={(e) => onChange({ ...fields, receive: e.target.checked }, null)} />
        {t('incoming.receive')}
      </label>
      <p id="account-receive-hint" className="field-hint">
        {t('incoming.receiveHint')}
      </p>
      {fields.receive && (
        <>
          <div className="field-pair">
            <Field id="account-inHost" label={t('account.host')} error={errors.inHost}>
              {input('inHost')}
            </Field>
            <Field id="account-inPort" label={t('account.port')} error={errors.inPort}>
              {input('inPort', { inputMode: 'numeric' })}
            </Field>
          </div>
          <Field id="account-inSecurity" label={t('account.security')} hint={fields.inSecurity === 'none' ? t('account.noneHint') : undefined}>
            <select
              id="account-inSecurity"
              className="input-select"
              value={fields.inSecurity}
              aria-describedby={fields.inSecurity === 'none' ? 'account-inSecurity-hint' : undefined}
              onChange={(e) => onChange(withIncomingSecurity(fields, e.target.value as IncomingFields['inSecurity']), null)}
            >
              {SECURITY_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`account.securityOption.${mode}`)}
                </option>
              ))}
            </select>
          </Field>
          <div className="field-pair">
            <Field id="account-inUsername" label={t('account.username')} error={errors.inUsername}>
              {input('inUsername', { autoComplete: 'username' })}
            </Field>
            <Field id="account-inSecret" label={t('account.password')} error={errors.inSecret} hint={keepsSecret ? t('account.secretSaved') : undefined}>
              {input('inSecret', { type: 'password', autoComplete: 'new-password', hint: keepsSecret })}
            </Field>
          </div>
          <Field id="account-sentCopy" label={t('incoming.sentCopy')} hint={t('incoming.sentCopyHint')}>
            <select
              id="account-sentCopy"
              className="input-select"
              value={fields.sentCopy}
              aria-describedby="account-sentCopy-hint"
              onChange={(e) => onChange({ ...fields, sentCopy: e.target.value as IncomingFields['sentCopy'] }, null)}
            >
              {SENT_COPY_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`incoming.sentCopyOption.${mode}`)}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
    </fieldset>
  );
}
