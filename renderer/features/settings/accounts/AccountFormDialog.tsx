/**
 * Add or edit an account, in a dialog. The password field never shows a
 * stored secret: "Password saved" says one exists, and leaving the field
 * empty keeps it. Default delivery receipts for the account's messages are
 * part of the form.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/model';
import { AUTH_MECHANISMS, SECURITY_MODES } from '../../../../shared/model';
import { useApi } from '../../../app/api-context';
import { errorText } from '../../../i18n/error-text';
import { useT } from '../../../i18n/use-t';
import { Dialog } from '../../dialog/Dialog';
import { fieldAria } from '../../form/field-aria';
import { Field } from '../../form/Field';
import { Icon } from '../../icons/Icon';
import { DsnFields } from '../../receipts/DsnFields';
import { checkAccount, emptyAccountFields, keepsStoredSecret, fieldsFromAccount, withSecurity, type AccountErrors, type AccountField, type AccountFields } from './account-form-logic';
import { saveAccount } from './accounts-actions';

interface Props {
  /** The account to edit, or null to add one. */
  account: Account | null;
  onClose(saved?: Account): void;
}

export function AccountFormDialog({ account, onClose }: Props) {
  const { t } = useT();
  const api = useApi();
  const [fields, setFields] = useState<AccountFields>(() => (account ? fieldsFromAccount(account) : emptyAccountFields));
  const [errors, setErrors] = useState<AccountErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const refs = useRef<Partial<Record<AccountField, HTMLInputElement | null>>>({});

  const set = <K extends keyof AccountFields>(name: K, value: AccountFields[K]) => {
    setFields((f) => ({ ...f, [name]: value }));
    if (name in errors) setErrors(({ [name as AccountField]: _fixed, ...rest }) => rest);
    setFormError(null);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const check = checkAccount(fields, account);
    if (!check.ok) {
      setErrors(check.errors);
      refs.current[check.first]?.focus();
      return;
    }
    setSaving(true);
    const result = await saveAccount(api, check.input);
    setSaving(false);
    if (result.ok) onClose(result.account);
    else setFormError(result.error.code === 'NO_SECURE_STORAGE' ? t('account.fail.NO_SECURE_STORAGE') : t('account.saveFailed', { message: errorText(result.error) }));
  };

  const input = (name: AccountField, extra: { type?: string; autoComplete?: string; inputMode?: 'numeric'; hint?: boolean } = {}) => {
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
        onChange={(e) => set(name, e.target.value)}
      />
    );
  };

  const needsLogin = fields.mechanism !== 'none';
  const keepsSecret = keepsStoredSecret(fields, account);
  const secretLabel = fields.mechanism === 'xoauth2' ? t('account.token') : t('account.password');

  return (
    <Dialog labelledBy="account-form-title" className="account-dialog" onClose={() => onClose()}>
      <form className="account-form" aria-labelledby="account-form-title" noValidate onSubmit={onSubmit}>
        <header className="dialog-head">
          <h2 id="account-form-title" className="dialog-title">
            {account ? t('account.editTitle') : t('account.addTitle')}
          </h2>
          <button type="button" className="icon-button" aria-label={t('account.close')} title={t('account.close')} onClick={() => onClose()}>
            <Icon name="close" />
          </button>
        </header>
        <div className="account-form-body">
          <Field id="account-name" label={t('account.name')} error={errors.name}>
            {input('name')}
          </Field>
          <div className="field-pair">
            <Field id="account-fromName" label={t('account.fromName')} error={false}>
              <input id="account-fromName" name="fromName" type="text" autoComplete="name" value={fields.fromName} onChange={(e) => set('fromName', e.target.value)} />
            </Field>
            <Field id="account-fromAddress" label={t('account.fromAddress')} error={errors.fromAddress}>
              {input('fromAddress', { type: 'email', autoComplete: 'email' })}
            </Field>
          </div>
          <fieldset className="account-group">
            <legend>{t('account.server')}</legend>
            <div className="field-pair">
              <Field id="account-host" label={t('account.host')} error={errors.host}>
                {input('host')}
              </Field>
              <Field id="account-port" label={t('account.port')} error={errors.port}>
                {input('port', { inputMode: 'numeric' })}
              </Field>
            </div>
            <Field id="account-security" label={t('account.security')} hint={fields.security === 'none' ? t('account.noneHint') : undefined}>
              <select
                id="account-security"
                className="input-select"
                value={fields.security}
                aria-describedby={fields.security === 'none' ? 'account-security-hint' : undefined}
                onChange={(e) => setFields((f) => withSecurity(f, e.target.value as AccountFields['security']))}
              >
                {SECURITY_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`account.securityOption.${mode}`)}
                  </option>
                ))}
              </select>
            </Field>
          </fieldset>
          <fieldset className="account-group">
            <legend>{t('account.login')}</legend>
            <Field id="account-mechanism" label={t('account.mechanism')}>
              <select id="account-mechanism" className="input-select" value={fields.mechanism} onChange={(e) => set('mechanism', e.target.value as AccountFields['mechanism'])}>
                {AUTH_MECHANISMS.map((mechanism) => (
                  <option key={mechanism} value={mechanism}>
                    {t(`account.mechanismOption.${mechanism}`)}
                  </option>
                ))}
              </select>
            </Field>
            {needsLogin && (
              <div className="field-pair">
                <Field id="account-username" label={t('account.username')} error={errors.username}>
                  {input('username', { autoComplete: 'username' })}
                </Field>
                <Field id="account-secret" label={secretLabel} error={errors.secret} hint={keepsSecret ? t('account.secretSaved') : undefined}>
                  {input('secret', { type: 'password', autoComplete: 'new-password', hint: keepsSecret })}
                </Field>
              </div>
            )}
          </fieldset>
          <fieldset className="account-group">
            <legend>{t('account.receipts')}</legend>
            <p className="field-hint">{t('account.receiptsHint')}</p>
            <DsnFields idPrefix="account-dsn" value={fields.dsn} onChange={(dsn) => set('dsn', dsn)} />
          </fieldset>
          {formError && (
            <p role="alert" className="form-error">
              {formError}
            </p>
          )}
        </div>
        <footer className="dialog-actions">
          <button type="button" className="quiet" onClick={() => onClose()}>
            {t('account.cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {t('account.save')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
