/**
 * The account form's incoming (IMAP) half: its fields as typed, filled from
 * an account, and checked into AccountInput['incoming']. Optional: an
 * account that only sends stays possible. Like the outgoing half, a stored
 * password is never shown, and an empty password field keeps it.
 */
import type { Account, AccountInput, SENT_COPY_MODES } from '../../../../shared/model';
import { t } from '../../../i18n/t';
import { isLoopback, type Security } from './account-form-logic';

export interface IncomingFields {
  /** Whether this account receives mail at all. */
  receive: boolean;
  inHost: string;
  inPort: string;
  inSecurity: Security;
  inUsername: string;
  /** Typed into the password field; empty keeps a stored one. */
  inSecret: string;
  /** Who puts a copy of sent mail in the server's Sent folder: detected, always us, or the server. */
  sentCopy: (typeof SENT_COPY_MODES)[number];
}

export type IncomingField = 'inHost' | 'inPort' | 'inUsername' | 'inSecret';
export type IncomingErrors = Partial<Record<IncomingField, string>>;

export const IMAP_PORTS: Readonly<Record<Security, number>> = { tls: 993, starttls: 143, none: 143 };

export const emptyIncomingFields: IncomingFields = { receive: false, inHost: '', inPort: String(IMAP_PORTS.tls), inSecurity: 'tls', inUsername: '', inSecret: '', sentCopy: 'auto' };

export function incomingFromAccount(account: Account): IncomingFields {
  const incoming = account.incoming;
  if (!incoming) return emptyIncomingFields;
  return { receive: true, inHost: incoming.host, inPort: String(incoming.port), inSecurity: incoming.security, inUsername: incoming.username, inSecret: '', sentCopy: incoming.sentCopy };
}

/** Changing the security changes the port too, while the port is still the previous mode's usual one. */
export function withIncomingSecurity(fields: IncomingFields, security: Security): IncomingFields {
  const usual = String(IMAP_PORTS[fields.inSecurity]);
  return { ...fields, inSecurity: security, inPort: fields.inPort.trim() === '' || fields.inPort === usual ? String(IMAP_PORTS[security]) : fields.inPort };
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/;

export const INCOMING_ORDER: readonly IncomingField[] = ['inHost', 'inPort', 'inUsername', 'inSecret'];

export type IncomingCheck = { ok: true; incoming: AccountInput['incoming'] } | { ok: false; errors: IncomingErrors };

/** `existing`: the account being edited, or null. Null incoming removes the half; a stored half left unticked is removed too. */
export function checkIncoming(fields: IncomingFields, existing: Pick<Account, 'incoming'> | null): IncomingCheck {
  if (!fields.receive) return { ok: true, incoming: existing?.incoming ? null : undefined };
  const errors: IncomingErrors = {};
  const host = fields.inHost.trim();
  if (!host) errors.inHost = t('account.hostRequired');
  else if (host.length > 253 || !HOST.test(host)) errors.inHost = t('account.hostInvalid');
  else if (fields.inSecurity === 'none' && !isLoopback(host)) errors.inHost = t('account.noneNeedsLoopback');
  const port = Number(fields.inPort.trim());
  if (!/^\d+$/.test(fields.inPort.trim()) || port < 1 || port > 65535) errors.inPort = t('account.portInvalid');
  const username = fields.inUsername.trim();
  if (!username) errors.inUsername = t('account.usernameRequired');
  const keepsSecret = existing?.incoming?.hasSecret === true;
  if (fields.inSecret === '' && !keepsSecret) errors.inSecret = t('account.passwordRequired');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    incoming: { host, port, security: fields.inSecurity, username, sentCopy: fields.sentCopy, ...(fields.inSecret !== '' ? { secret: fields.inSecret } : {}) },
  };
}
