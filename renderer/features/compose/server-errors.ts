/**
 * The core answers INVALID_ADDRESS_LIST with `detail.invalid` entries
 * ({field, input, reason}); marking the fields the same way as the local check
 * keeps the two paths indistinguishable to the user.
 */
import { addressReason } from '../../i18n/address-reasons';
import { t } from '../../i18n/t';
import type { AddressFieldName, FieldErrors } from '../../store/compose-logic';

const isAddressField = (value: unknown): value is AddressFieldName => value === 'to' || value === 'cc' || value === 'bcc';

export function fieldErrorsFromDetail(detail: Record<string, unknown> | undefined): { errors: FieldErrors; first: AddressFieldName } | null {
  const invalid = detail?.['invalid'];
  if (!Array.isArray(invalid)) return null;
  const messages: Partial<Record<AddressFieldName, string[]>> = {};
  for (const entry of invalid as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, input, reason } = entry as Record<string, unknown>;
    if (!isAddressField(field) || typeof input !== 'string' || typeof reason !== 'string') continue;
    (messages[field] ??= []).push(t('compose.invalidAddress', { input, reason: addressReason(reason) }));
  }
  const errors: FieldErrors = {};
  if (messages.to) errors.to = messages.to.join('; ');
  if (messages.cc) errors.cc = messages.cc.join('; ');
  if (messages.bcc) errors.bcc = messages.bcc.join('; ');
  const first = (['to', 'cc', 'bcc'] as const).find((name) => errors[name] !== undefined) ?? null;
  return first ? { errors, first } : null;
}
