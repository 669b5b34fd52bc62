/**
 * Which links may leave the app: http(s) pages and mailto: addresses, nothing
 * else (no javascript:, file:, data:, custom schemes). Both the renderer and
 * the core's app.openExternal check with this one rule.
 */
import { z } from 'zod';

export const EXTERNAL_SCHEMES = ['http:', 'https:', 'mailto:'] as const;
export type ExternalScheme = (typeof EXTERNAL_SCHEMES)[number];

/** URLs longer than this are not opened: no real link needs more, and the OS handlers choke on them. */
export const EXTERNAL_URL_MAX = 8192;

/**
 * The scheme when the URL is one that may leave the app, else null. Web URLs
 * need a host and may carry no credentials (`https://bank.example@evil.test`
 * hides its real host that way). Parsed by hand: shared/ has no URL class.
 */
export function externalScheme(url: string): ExternalScheme | null {
  if (url.length > EXTERNAL_URL_MAX || /[\u0000-\u0020\u007f]/.test(url)) return null;
  const match = /^([a-z][a-z0-9+.-]*):(.*)$/is.exec(url);
  if (!match) return null;
  const scheme = `${(match[1] as string).toLowerCase()}:` as ExternalScheme;
  if (!(EXTERNAL_SCHEMES as readonly string[]).includes(scheme)) return null;
  if (scheme === 'mailto:') return scheme;
  const rest = match[2] as string;
  if (!rest.startsWith('//')) return null;
  const authority = rest.slice(2).split(/[/?#\\]/, 1)[0] as string;
  if (authority.includes('@')) return null;
  const host = authority.replace(/:\d*$/, '');
  return host === '' ? null : scheme;
}

export const ExternalUrlSchema = z.string().refine((url) => externalScheme(url) !== null, { message: 'only http, https and mailto links may be opened' });
