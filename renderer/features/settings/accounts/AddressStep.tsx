/**
 * The first step of adding an account: the address and the password, nothing
 * else. Continue looks up the servers for the address's domain; "Set up by
 * hand" skips the lookup. The password is kept only in this form until saved.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { addressProblem } from '../../../../shared/address';
import type { DiscoveredSettings } from '../../../../shared/model';
import { useApi } from '../../../app/api-context';
import { addressReason } from '../../../i18n/address-reasons';
import { errorText } from '../../../i18n/error-text';
import { useT } from '../../../i18n/use-t';
import { fieldAria } from '../../form/field-aria';
import { Field } from '../../form/Field';
import { discover } from './incoming-actions';

interface Props {
  /** The dialog's title bar. */
  head: ReactNode;
  /** `found` is null when the user chose to set up by hand. */
  onDone(address: string, password: string, found: DiscoveredSettings | null): void;
  onCancel(): void;
}

export function AddressStep({ head, onDone, onCancel }: Props) {
  const { t } = useT();
  const api = useApi();
  const [address, setAddress] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ address?: string; password?: string }>({});
  const [looking, setLooking] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const addressRef = useRef<HTMLInputElement | null>(null);
  const passwordRef = useRef<HTMLInputElement | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (looking) return;
    const trimmed = address.trim();
    const problem = trimmed ? addressProblem(trimmed) : null;
    const next = {
      ...(!trimmed ? { address: t('account.addressRequired') } : problem ? { address: t('account.addressInvalid', { reason: addressReason(problem) }) } : {}),
      ...(password === '' ? { password: t('account.passwordRequired') } : {}),
    };
    setErrors(next);
    if (next.address) return addressRef.current?.focus();
    if (next.password) return passwordRef.current?.focus();
    setFailed(null);
    setLooking(true);
    const result = await discover(api, trimmed);
    setLooking(false);
    if (result.ok) onDone(trimmed, password, result.value);
    else setFailed(t('setup.discoverFailed', { message: errorText(result.error) }));
  };

  const domain = address.trim().slice(address.trim().lastIndexOf('@') + 1);
  return (
    <form className="account-form" aria-labelledby="account-form-title" noValidate onSubmit={onSubmit}>
      {head}
      <div className="account-form-body">
        <p className="field-hint">{t('setup.intro')}</p>
        <Field id="setup-address" label={t('account.fromAddress')} error={errors.address}>
          <input
            ref={addressRef}
            id="setup-address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={address}
            {...fieldAria('setup-address', { hint: false, errorId: errors.address ? 'setup-address-error' : null })}
            onChange={(e) => {
              setAddress(e.target.value);
              setErrors(({ address: _fixed, ...rest }) => rest);
            }}
          />
        </Field>
        <Field id="setup-password" label={t('account.password')} error={errors.password}>
          <input
            ref={passwordRef}
            id="setup-password"
            type="password"
            autoComplete="current-password"
            value={password}
            {...fieldAria('setup-password', { hint: false, errorId: errors.password ? 'setup-password-error' : null })}
            onChange={(e) => {
              setPassword(e.target.value);
              setErrors(({ password: _fixed, ...rest }) => rest);
            }}
          />
        </Field>
        <p className="form-notice" aria-live="polite">
          {looking ? t('setup.looking', { domain }) : ''}
        </p>
        {failed && (
          <p role="alert" className="form-error">
            {failed}
          </p>
        )}
      </div>
      <footer className="dialog-actions">
        <button type="button" className="quiet" onClick={onCancel}>
          {t('account.cancel')}
        </button>
        <button type="button" id="setup-manual" onClick={() => onDone(address.trim(), password, null)}>
          {t('setup.manual')}
        </button>
        <button type="submit" className="primary" disabled={looking}>
          {t('setup.continue')}
        </button>
      </footer>
    </form>
  );
}
