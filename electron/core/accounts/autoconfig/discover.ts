/**
 * Server settings for an address, looked up the way Thunderbird does for a
 * domain of its own: https://autoconfig.<domain>/mail/config-v1.1.xml first,
 * then https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml; if
 * neither answers, the form is filled in by hand. Only https: the answer says
 * where the password goes, and a plain-http answer could be rewritten by
 * anyone on the path. (Thunderbird's ISPDB is a third source we cannot reach.)
 */
import { addressProblem, normalizeAddress } from '../../../../shared/address';
import { failure } from '../../../../shared/i18n/reason';
import type { DiscoveredSettings } from '../../../../shared/model';
import { DEFAULT_FETCH_LIMITS, fetchBounded, type FetchLimits } from './bounded-fetch';
import { readClientConfig } from './client-config';

export interface DiscoveryOptions {
  /**
   * Where a lookup URL is really fetched. Production leaves it out (the URL
   * itself); tests point domains at a local server with it.
   */
  locate?: (url: URL) => URL;
  limits?: FetchLimits;
}

type Source = Exclude<DiscoveredSettings['source'], 'none'>;

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

export function lookupUrls(address: string): { source: Source; url: URL }[] {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const autoconfig = new URL(`https://autoconfig.${domain}/mail/config-v1.1.xml`);
  autoconfig.searchParams.set('emailaddress', address);
  return [
    { source: 'autoconfig', url: autoconfig },
    { source: 'well-known', url: new URL(`https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`) },
  ];
}

export async function discoverSettings(rawAddress: string, options: DiscoveryOptions = {}): Promise<DiscoveredSettings> {
  const trimmed = rawAddress.trim();
  const problem = addressProblem(trimmed);
  if (problem) throw failure('INVALID_ARG', 'reason.discoverBadAddress');
  const address = normalizeAddress(trimmed);
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  // A domain that cannot have an autoconfig host (an IP literal, a bare name) is set up by hand.
  if (!DOMAIN.test(domain)) return { source: 'none', outgoing: null, incoming: null, displayName: null };
  const locate = options.locate ?? ((url: URL) => url);
  const limits = options.limits ?? DEFAULT_FETCH_LIMITS;
  // Both asked at once so a silent first host costs one deadline, not two; the first in order that answers wins.
  const lookups = lookupUrls(`${address.slice(0, address.lastIndexOf('@'))}@${domain}`).map(({ source, url }) => ({
    source,
    answer: fetchBounded(locate(url), limits).then((outcome) => (outcome.ok ? readClientConfig(outcome.text, address) : null)),
  }));
  for (const { source, answer } of lookups) {
    const found = await answer;
    if (found) return { source, ...found };
  }
  return { source: 'none', outgoing: null, incoming: null, displayName: null };
}
