/**
 * The account form: its fields as typed, filled from an account being
 * edited, and checked into the AccountInput that accounts.save takes. Checks
 * here mirror the core's, so most mistakes are named before a round trip;
 * the core checks again and its answer wins.
 */
import { addressProblem } from '../../../../shared/address';
import { DEFAULT_DSN, LIMITS, type Account, type AccountInput, type DsnRequest, type Signature } from '../../../../shared/model';
import { paragraphsHtml } from '../../../../shared/reply/quote';
import { addressReason } from '../../../i18n/address-reasons';
import { t } from '../../../i18n/t';

export type Security = AccountInput['security'];
export type Mechanism = AccountInput['auth']['mechanism'];

export interface AccountFields {
  name: string;
  fromName: string;
  fromAddress: string;
  host: string;
  port: string;
  security: Security;
  mechanism: Mechanism;
  username: string;
  /** Typed into the password field; empty keeps a stored one. */
  secret: string;
  dsn: DsnRequest;
  /** What to do when a sender asks for a read receipt; absent: the account's (ask, for a new one). */
  readReceipts?: Account['readReceipts'];
  /** The signature as written: its text and, when formatted, its HTML; empty text: none. */
  signature?: { text: string; html: string };
}

export type AccountField = 'name' | 'fromAddress' | 'host' | 'port' | 'username' | 'secret';
export type AccountErrors = Partial<Record<AccountField, string>>;

export const DEFAULT_PORTS: Readonly<Record<Security, number>> = { tls: 465, starttls: 587, none: 25 };

export const emptyAccountFields: AccountFields = {
  name: '',
  fromName: '',
  fromAddress: '',
  host: '',
  port: String(DEFAULT_PORTS.starttls),
  security: 'starttls',
  mechanism: 'plain',
  username: '',
  secret: '',
  dsn: DEFAULT_DSN,
};

export function fieldsFromAccount(account: Account): AccountFields {
  return {
    name: account.name,
    fromName: account.from.name ?? '',
    fromAddress: account.from.address,
    host: account.host,
    port: String(account.port),
    security: account.security,
    mechanism: account.auth.mechanism,
    username: account.auth.username,
    secret: '',
    dsn: account.dsn,
    readReceipts: account.readReceipts,
    signature: { text: account.signature?.text ?? '', html: account.signature?.html ?? '' },
  };
}

/** Changing the security changes the port too, while the port is still the previous mode's usual one. */
export function withSecurity(fields: AccountFields, security: Security): AccountFields {
  const usual = String(DEFAULT_PORTS[fields.security]);
  return { ...fields, security, port: fields.port.trim() === '' || fields.port === usual ? String(DEFAULT_PORTS[security]) : fields.port };
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/;
const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

export const isLoopback = (host: string): boolean => LOOPBACK.test(host.trim());

export type AccountCheck = { ok: true; input: AccountInput } | { ok: false; errors: AccountErrors; first: AccountField };

const ORDER: readonly AccountField[] = ['name', 'fromAddress', 'host', 'port', 'username', 'secret'];

type SecretHolder = Pick<Account, 'hasSecret' | 'auth' | 'host' | 'port' | 'security'>;

/** A stored secret is kept when the field is left empty, while the login method uses one and the server and user name stay those it was entered for (the core refuses otherwise). */
export function keepsStoredSecret(fields: AccountFields, existing: SecretHolder | null): boolean {
  if (existing === null || !existing.hasSecret || existing.auth.mechanism === 'none') return false;
  return (
    fields.host.trim().toLowerCase() === existing.host.toLowerCase() &&
    Number(fields.port.trim()) === existing.port &&
    fields.security === existing.security &&
    fields.username.trim() === existing.auth.username
  );
}

/** `existing`: the account being edited (its id, and whether a secret is stored), or null for a new one. */
export function checkAccount(fields: AccountFields, existing: (SecretHolder & Pick<Account, 'id'>) | null): AccountCheck {
  const errors: AccountErrors = {};
  const name = fields.name.trim();
  const host = fields.host.trim();
  const fromAddress = fields.fromAddress.trim();
  if (!name) errors.name = t('account.nameRequired');
  if (!fromAddress) errors.fromAddress = t('account.addressRequired');
  else {
    const problem = addressProblem(fromAddress);
    if (problem) errors.fromAddress = t('account.addressInvalid', { reason: addressReason(problem) });
  }
  if (!host) errors.host = t('account.hostRequired');
  else if (host.length > 253 || !HOST.test(host)) errors.host = t('account.hostInvalid');
  else if (fields.security === 'none' && !isLoopback(host)) errors.host = t('account.noneNeedsLoopback');
  const port = Number(fields.port.trim());
  if (!/^\d+$/.test(fields.port.trim()) || port < 1 || port > 65535) errors.port = t('account.portInvalid');
  const username = fields.username.trim();
  const needsLogin = fields.mechanism !== 'none';
  if (needsLogin && !username) errors.username = t('account.usernameRequired');
  const keepsSecret = keepsStoredSecret(fields, existing);
  if (needsLogin && fields.secret === '' && !keepsSecret) {
    errors.secret = fields.mechanism === 'xoauth2' ? t('account.tokenRequired') : t('account.passwordRequired');
  }
  const first = ORDER.find((field) => errors[field] !== undefined);
  if (first) return { ok: false, errors, first };

  const input: AccountInput = {
    name,
    fromAddress,
    host,
    port,
    security: fields.security,
    auth: { mechanism: fields.mechanism, username: needsLogin ? username : '' },
    dsn: fields.dsn,
  };
  if (existing) input.id = existing.id;
  if (fields.readReceipts) input.readReceipts = fields.readReceipts;
  if (fields.signature !== undefined) input.signature = signatureFrom(fields.signature);
  if (fields.fromName.trim()) input.fromName = fields.fromName.trim();
  // Omitted: keep the stored secret. No login: forget it.
  if (needsLogin && fields.secret !== '') input.secret = fields.secret;
  else if (!needsLogin && existing?.hasSecret) input.secret = '';
  return { ok: true, input };
}

/** The signature as the account keeps it (none when it has no text); plain text gets the same lines as paragraphs for HTML mail. */
export function signatureFrom(written: { text: string; html: string } | undefined): Signature | null {
  if (!written) return null;
  const text = written.text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').slice(0, LIMITS.signatureChars);
  if (!text.trim()) return null;
  const html = written.html && written.html.length <= LIMITS.signatureChars ? written.html : paragraphsHtml(text.slice(0, LIMITS.signatureChars / 4));
  return { text, html };
}
