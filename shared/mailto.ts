/**
 * RFC 6068 mailto: URIs as Compose fields. Percent-encoding is UTF-8; "to" may
 * come both in the path and as a header field; unknown and unsafe header
 * fields (anything but to, cc, bcc, subject, body) are ignored, as the RFC advises.
 */
import type { ComposeRequest } from './model';

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A stray '%': keep the text as written rather than lose it.
    return part;
  }
}

const join = (...parts: string[]) => parts.filter((p) => p.trim()).join(', ');

export function parseMailto(uri: string): ComposeRequest | null {
  const match = /^mailto:([^?#]*)(?:\?([^#]*))?/i.exec(uri.trim());
  if (!match) return null;
  const result: ComposeRequest = { to: decode(match[1] ?? ''), cc: '', bcc: '', subject: '', text: '' };
  for (const pair of (match[2] ?? '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (name === 'to') result.to = join(result.to, value);
    else if (name === 'cc') result.cc = join(result.cc, value);
    else if (name === 'bcc') result.bcc = join(result.bcc, value);
    // Header fields must stay one line; only the body may hold line breaks (as CRLF, RFC 6068 §2).
    else if (name === 'subject') result.subject = value.replace(/[\r\n]+/g, ' ');
    else if (name === 'body') result.text = value.replace(/\r\n/g, '\n');
  }
  for (const field of ['to', 'cc', 'bcc'] as const) result[field] = result[field].replace(/[\r\n]+/g, ' ');
  return result;
}
