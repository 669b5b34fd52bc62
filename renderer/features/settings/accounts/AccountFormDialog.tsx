/**
 * Add or edit an account, in a dialog. Adding starts with the address and
 * the password (AddressStep); the servers found for the domain fill both
 * halves, sending and receiving, and stay editable. The password field never
 * shows a stored secret: "Password saved" says one exists, and leaving the
 * field empty keeps it. Default delivery receipts for the account's messages
 * are part of the form.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Account, DiscoveredSettings } from '../../../../shared/model';
import { AUTH_MECHANISMS, SECURITY_MODES } from '../../../../shared/model';
import { useApi } from '../../../app/api-context';
import { errorText } from '../../../i18n/error-text';
import { useT } from '../../../i18n/use-t';
import { Dialog } from '../../dialog/Dialog';
import { fieldAria } from '../../form/field-aria';
import { Field } from '../../form/Field';
import { Icon } from '../../icons/Icon';
import { DsnFields } from '../../receipts/DsnFields';
import { checkAccount, emptyAccountFields, signatureFrom, keepsStoredSecret, fieldsFromAccount, withSecurity, type AccountErrors, type AccountField, type AccountFields } from './account-form-logic';
import { saveAccount } from './accounts-actions';
import { AddressStep } from './AddressStep';
import { formFromDiscovery } from './discovery-logic';
import { IncomingFieldset } from './IncomingFieldset';
import { SignatureEditor } from './SignatureEditor';
import { ReadReceiptsFieldset } from '../../read-receipts/ReadReceiptsFieldset';
import { checkIncoming, emptyIncomingFields, INCOMING_ORDER, incomingFromAccount, type IncomingErrors, type IncomingField, type IncomingFields } from './incoming-form-logic';

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
  const [incoming, setIncoming] = useState<IncomingFields>(() => (account ? incomingFromAccount(account) : emptyIncomingFields));
  const [incomingErrors, setIncomingErrors] = useState<IncomingErrors>({});
  const incomingRefs = useRef<Partial<Record<IncomingField, HTMLInputElement | null>>>({});
  // A new account starts with its address and password; editing goes straight to the details.
  const [step, setStep] = useState<'address' | 'details'>(account ? 'details' : 'address');
  const [found, setFound] = useState<{ source: DiscoveredSettings['source'] | 'manual'; domain: string } | null>(null);
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
    const checkIn = checkIncoming(incoming, account);
    setErrors(check.ok ? {} : check.errors);
    setIncomingErrors(checkIn.ok ? {} : checkIn.errors);
    if (!check.ok) return refs.current[check.first]?.focus();
    if (!checkIn.ok) return incomingRefs.current[INCOMING_ORDER.find((f) => checkIn.errors[f] !== undefined) ?? 'inHost']?.focus();
    setSaving(true);
    const result = await saveAccount(api, checkIn.incoming === undefined ? check.input : { ...check.input, incoming: checkIn.incoming });
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

  const head = (
    <header className="dialog-head">
      <h2 id="account-form-title" className="dialog-title">
        {account ? t('account.editTitle') : t('account.addTitle')}
      </h2>
      <button type="button" className="icon-button" aria-label={t('account.close')} title={t('account.close')} onClick={() => onClose()}>
        <Icon name="close" />
      </button>
    </header>
  );

  const onFound = (address: string, password: string, discovered: DiscoveredSettings | null) => {
    const filled = formFromDiscovery(address, password, discovered);
    setFields(filled.fields);
    setIncoming(filled.incoming);
    setFound({ source: discovered?.source ?? 'manual', domain: address.slice(address.lastIndexOf('@') + 1) });
    setStep('details');
  };

  if (step === 'address') {
    return (
      <Dialog labelledBy="account-form-title" className="account-dialog" onClose={() => onClose()}>
        <AddressStep head={head} onDone={onFound} onCancel={() => onClose()} />
      </Dialog>
    );
  }

  return (
    <Dialog labelledBy="account-form-title" className="account-dialog" onClose={() => onClose()}>
      <form className="account-form" aria-labelledby="account-form-title" noValidate onSubmit={onSubmit}>
        {head}
 <div className="account-form-body">
          {found && (
            <p className="form-notice" role="status">
              {found.source === 'manual' ? t('setup.manualNotice') : t(`setup.found.${found.source}`, { domain: found.domain })}
            </p>
          )}
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
          <IncomingFieldset
            fields={incoming}
            errors={incomingErrors}
            keepsSecret={account?.incoming?.hasSecret === true}
            refs={incomingRefs}
            onChange={(next, changed) => {
              setIncoming(next);
              if (changed && changed in incomingErrors) setIncomingErrors(({ [changed]: _fixed, ...rest }) => rest);
              setFormError(null);
            }}
          />
          <fieldset className="account-group">
            <legend>{t('account.receipts')}</legend>
            <p className="field-hint">{t('account.receiptsHint')}</p>
            <DsnFields idPrefix="account-dsn" value={fields.dsn} onChange={(dsn) => set('dsn', dsn)} />
          </fieldset>
          <ReadReceiptsFieldset value={fields.readReceipts ?? 'ask'} onChange={(answer) => set('readReceipts', answer)} />
          <SignatureEditor value={signatureFrom(fields.signature)} onChange={(next) => set('signature', next)} />
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
