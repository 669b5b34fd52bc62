/**
 * From "address and password" to a filled account form: what discovery found
 * goes into both halves (still editable), the password typed once serves
 * both, and what was not found keeps the usual defaults for manual setup.
 */
import type { DiscoveredSettings } from '../../../../shared/model';
import { DEFAULT_PORTS, emptyAccountFields, type AccountFields } from './account-form-logic';
import { emptyIncomingFields, type IncomingFields } from './incoming-form-logic';

export interface FilledForm {
  fields: AccountFields;
  incoming: IncomingFields;
}

export function formFromDiscovery(address: string, password: string, found: DiscoveredSettings | null): FilledForm {
  const trimmed = address.trim();
  const domain = trimmed.slice(trimmed.lastIndexOf('@') + 1);
  const out = found?.outgoing ?? null;
  const inc = found?.incoming ?? null;
  const fields: AccountFields = {
    ...emptyAccountFields,
    name: found?.displayName ?? domain,
    fromAddress: trimmed,
    username: out?.username ?? trimmed,
    secret: password,
    ...(out ? { host: out.host, port: String(out.port), security: out.security } : { port: String(DEFAULT_PORTS.starttls) }),
  };
  const incoming: IncomingFields = inc
    ? { ...emptyIncomingFields, receive: true, inHost: inc.host, inPort: String(inc.port), inSecurity: inc.security, inUsername: inc.username, inSecret: password }
    : // Nothing found: receiving is ticked for the user to fill in; set up by hand (no lookup), it is left for the user to tick.
      { ...emptyIncomingFields, receive: found?.source === 'none', inUsername: trimmed, inSecret: password };
  return { fields, incoming };
}
