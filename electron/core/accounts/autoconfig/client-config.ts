/**
 * Reads a Mozilla-style autoconfig answer (clientConfig 1.1) into the
 * settings the account form fills in: the best IMAP and SMTP server each
 * (implicit TLS first, then STARTTLS; unencrypted only for this computer),
 * user names with the %EMAIL...% placeholders filled, and the provider's name.
 */
import type { DiscoveredSettings } from '../../../../shared/model';
import { childText, childrenNamed, firstChild, parseXml, type XmlElement } from './xml-tree';

type ServerSettings = NonNullable<DiscoveredSettings['incoming']>;
type Security = ServerSettings['security'];

export interface FoundSettings {
  incoming: ServerSettings | null;
  outgoing: ServerSettings | null;
  displayName: string | null;
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost)$/i;
const SECURITY: Readonly<Record<string, Security>> = { SSL: 'tls', TLS: 'tls', STARTTLS: 'starttls', PLAIN: 'none' };
const PREFERENCE: readonly Security[] = ['tls', 'starttls', 'none'];

/** %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% as the address gives them; other placeholders are left for the user to see. */
export function fillPlaceholders(template: string, address: string): string {
  const at = address.lastIndexOf('@');
  const values: Readonly<Record<string, string>> = {
    EMAILADDRESS: address,
    EMAILLOCALPART: at > 0 ? address.slice(0, at) : address,
    EMAILDOMAIN: at > 0 ? address.slice(at + 1) : '',
  };
  return template.replace(/%([A-Z]+)%/g, (whole, name: string) => values[name] ?? whole);
}

function readServer(element: XmlElement, address: string): ServerSettings | null {
  const hostname = childText(element, 'hostname');
  const host = hostname ? fillPlaceholders(hostname, address).toLowerCase() : '';
  const port = Number(childText(element, 'port'));
  const security = SECURITY[(childText(element, 'socketType') ?? '').toUpperCase()];
  if (!host || host.length > 253 || !HOST.test(host)) return null;
  if (!Number.isInteger(port) || port < 1 || port > 65535 || !security) return null;
  // A password never crosses the network in clear: plain text only to this computer.
  if (security === 'none' && !LOOPBACK.test(host)) return null;
  const username = fillPlaceholders(childText(element, 'username') ?? '%EMAILADDRESS%', address);
  // The account form refuses line breaks and control characters in a user name; a provider's stray ones go.
  return { host, port, security, username: username.replace(/[\x00-\x1f\x7f]/g, '').slice(0, 320) };
}

function best(elements: XmlElement[], address: string): ServerSettings | null {
  const servers = elements.map((e) => readServer(e, address)).filter((s): s is ServerSettings => s !== null);
  // Stable: among equally secure servers the document's order (the provider's preference) wins.
  for (const security of PREFERENCE) {
    const found = servers.find((s) => s.security === security);
    if (found) return found;
  }
  return null;
}

/** Null when the text is not a clientConfig with at least one usable server. Never throws. */
export function readClientConfig(xml: string, address: string): FoundSettings | null {
  const root = parseXml(xml);
  const config = firstChild(root, 'clientConfig');
  const provider = config && firstChild(config, 'emailProvider');
  if (!provider) return null;
  const incoming = best(childrenNamed(provider, 'incomingServer').filter((e) => e.attributes.type?.toLowerCase() === 'imap'), address);
  const outgoing = best(childrenNamed(provider, 'outgoingServer').filter((e) => e.attributes.type?.toLowerCase() === 'smtp'), address);
  if (!incoming && !outgoing) return null;
  const name = childText(provider, 'displayName') ?? childText(provider, 'displayShortName');
  return { incoming, outgoing, displayName: name ? name.replace(/[\r\n\0]+/g, ' ').slice(0, 100) : null };
}
