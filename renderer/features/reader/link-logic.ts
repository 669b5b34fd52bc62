/**
 * What a link in a message really does, shown before it is followed: where it
 * goes (the host, spelt in ASCII so a look-alike Cyrillic "а" cannot pass as
 * a Latin one), whether it may leave the app at all, and whether the text the
 * sender wrapped it in names a different place.
 */
import { externalScheme } from '../../../shared/external-url';

export type LinkTarget =
  | { kind: 'web'; url: string; host: string; lookalike: boolean; idn: boolean }
  | { kind: 'mailto'; url: string; address: string }
  | { kind: 'blocked'; url: string; scheme: string };

export function classifyLink(href: string, text = ''): LinkTarget {
  const url = href.trim();
  const scheme = externalScheme(url);
  if (scheme === 'mailto:') return { kind: 'mailto', url, address: decodeSafely(url.slice('mailto:'.length).split('?')[0] ?? '') };
  if (scheme === null) return { kind: 'blocked', url, scheme: (/^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] ?? '').toLowerCase() };
  const parsed = new URL(url);
  // URL gives the host in ASCII (punycode) already: that is what is shown.
  const host = parsed.hostname;
  const idn = host.split('.').some((label) => label.startsWith('xn--'));
  const shown = hostNamedIn(text);
  const lookalike = shown !== null && !sameSite(shown, host);
  return { kind: 'web', url: parsed.href, host, lookalike, idn };
}

/** The host a link's visible text names, when the text reads as an address ("www.bank.example", "https://bank.example/login"). */
export function hostNamedIn(text: string): string | null {
  const match = /^\s*(?:https?:\/\/)?((?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,})(?:[/:?#]\S*)?\s*$/iu.exec(text);
  if (!match) return null;
  try {
    return new URL(`https://${match[1] as string}/`).hostname;
  } catch {
    return null;
  }
}

/** The same host, or one a subdomain of the other ("bank.example" and "www.bank.example"). */
function sameSite(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/^www\./, '');
  const y = b.toLowerCase().replace(/^www\./, '');
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
