/**
 * Plain text cut into runs of text and links (web addresses and mail
 * addresses), so a text body can show links without ever being parsed as HTML.
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gi;

/** Punctuation that ends a sentence rather than the address; a closing bracket only when it has no opening one inside. */
function trimTrailing(candidate: string): string {
  let end = candidate.length;
  for (;;) {
    const last = candidate[end - 1];
    if (last === undefined) break;
    if ('.,;:!?\'"'.includes(last)) {
      end--;
      continue;
    }
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const open = pairs[last];
    if (open) {
      const body = candidate.slice(0, end);
      if (body.split(open).length - 1 < body.split(last).length - 1) {
        end--;
        continue;
      }
    }
    break;
  }
  return candidate.slice(0, end);
}

export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const found = trimTrailing(match[0]);
    if (found === '' || found === 'www.') continue;
    if (start > at) segments.push({ kind: 'text', text: text.slice(at, start) });
    const href = found.includes('@') && !/^(https?:\/\/|www\.)/i.test(found) ? `mailto:${found}` : /^www\./i.test(found) ? `https://${found}` : found;
    segments.push({ kind: 'link', text: found, href });
    at = start + found.length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}
