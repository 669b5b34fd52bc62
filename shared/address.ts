/**
 * RFC 5322 address lists as people type them: display names, quoted strings,
 * comments, groups, IDN domains and (RFC 6531) non-ASCII local parts.
 * Both processes parse with this one module so they never disagree.
 */
import type { Mailbox } from './model';
import { domainToAscii, normalizeDomain, splitDomainLabels } from './punycode';
import { BIDI_CONTROL } from './text-safety';

export type AddressListResult =
  | { ok: true; mailboxes: Mailbox[] }
  | { ok: false; invalid: { input: string; reason: string }[] };

// RFC 6532 extends atext with any non-ASCII UTF-8 character.
const ATEXT_UTF8 = /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\x00-\x7f])+$/u;
// C0 and C1 controls (tab aside) and the Unicode line separators: none belongs in a header.
const FORBIDDEN_CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const QUOTED_STRING = /"(?:[^"\\]|\\.)*"/gsu;

/** Octets in UTF-8, without TextEncoder: shared code sees neither the DOM nor Node. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Why the address is not a valid addr-spec, or null when it is. */
export function addressProblem(address: string): string | null {
  if (FORBIDDEN_CONTROL.test(address)) return 'contains a line break or control character';
  // Even quoted, an envelope cannot carry them: the server would read the address as ending there.
  if (/[<>]/.test(address)) return 'contains < or >';
  if (BIDI_CONTROL.test(address)) return 'contains a character that reverses the direction of the text';
  const at = lastUnquotedAt(address);
  if (at < 0) return 'missing @';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!local) return 'missing the part before @';
  if (!domain) return 'missing the domain after @';
  const localProblem = localPartProblem(local);
  if (localProblem) return localProblem;
  const domainProblemText = domainProblem(domain);
  if (domainProblemText) return domainProblemText;
  if (utf8Length(local) + 1 + domainToAscii(domain).length > 254) return 'address is longer than 254 characters';
  return null;
}

function lastUnquotedAt(address: string): number {
  let inQuote = false;
  let found = -1;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (inQuote && ch === '\\') i++;
    else if (ch === '"') inQuote = !inQuote;
    else if (ch === '@' && !inQuote) found = i;
  }
  return found;
}

function localPartProblem(local: string): string | null {
  if (utf8Length(local) > 64) return 'the part before @ is longer than 64 octets';
  if (local.startsWith('"')) {
    // RFC 5321 qtextSMTP and quoted-pairSMTP leave out tab, which servers refuse.
    if (!/^"(?:[^"\\\t]|\\[^\t])*"$/su.test(local)) return 'unbalanced quotes in the part before @';
    return null;
  }
  for (const atom of local.split('.')) {
    if (!atom) return 'empty dot-separated part before @';
    if (!ATEXT_UTF8.test(atom)) return 'invalid character before @';
  }
  return null;
}

function domainProblem(domain: string): string | null {
  if (domain.startsWith('[')) {
    if (/^\[[\d.]*\]$/.test(domain)) return isIPv4(domain.slice(1, -1)) ? null : 'invalid IPv4 address literal';
    // The tag is case-insensitive, like the rest of SMTP.
    const ipv6 = /^\[IPv6:(.*)\]$/i.exec(domain);
    if (ipv6) return isIPv6(ipv6[1] as string) ? null : 'invalid IPv6 address literal';
    return 'invalid address literal';
  }
  const labels = splitDomainLabels(domain);
  if (labels.some((l) => !l)) return 'empty label in domain';
  // Would be encoded into an xn-- label that no one can see or type back.
  if (/[\p{Z}\p{Cf}]/u.test(domain)) return 'space or invisible character in domain';
  let ascii: string;
  try {
    ascii = domainToAscii(domain);
  } catch {
    return 'domain cannot be converted to ASCII';
  }
  if (ascii.length > 253) return 'domain is longer than 253 characters';
  const asciiLabels = ascii.split('.');
  // NFKC can make a dot ("⒈" is "1."), which would silently add a label.
  if (asciiLabels.length !== labels.length) return 'invalid character in domain';
  for (const label of asciiLabels) {
    if (label.length > 63) return 'domain label longer than 63 characters';
    if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(label)) return 'invalid character in domain';
  }
  // A bare host such as "gmail" is nearly always a typo; localhost is the exception people use.
  if (asciiLabels.length < 2 && ascii !== 'localhost') return 'domain needs a dot (example.com)';
  if (/^\d+$/.test(asciiLabels[asciiLabels.length - 1] ?? '')) return 'top-level domain cannot be numeric';
  return null;
}

function isIPv4(text: string): boolean {
  return /^(?:\d{1,3}\.){3}\d{1,3}$/.test(text) && text.split('.').every((part) => Number(part) <= 255);
}

/** RFC 4291 text form: eight hex groups, at most one "::" standing for zeros, optionally an IPv4 tail. */
function isIPv6(text: string): boolean {
  const tail = /:([\d.]*\.[\d.]*)$/.exec(text);
  if (tail && !isIPv4(tail[1] as string)) return false;
  // The IPv4 tail fills the last two groups.
  const hex = tail ? `${text.slice(0, tail.index + 1)}0:0` : text;
  const halves = hex.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half ? half.split(':') : []));
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/**
 * Normalises the domain half as IDNA maps it (NFKC, lower case, "." between
 * labels), so the stored address is the one the SMTPUTF8 envelope carries.
 * The local part is kept exactly as typed; an address literal is not a name.
 */
export function normalizeAddress(address: string): string {
  const at = lastUnquotedAt(address);
  if (at < 0 || address.slice(at + 1).startsWith('[')) return address;
  return `${address.slice(0, at)}@${normalizeDomain(address.slice(at + 1))}`;
}

/** The envelope form for a server without SMTPUTF8: punycode domain. Local part unchanged. */
export function addressToAscii(address: string): string {
  const at = lastUnquotedAt(address);
  if (at < 0 || address.slice(at + 1).startsWith('[')) return address;
  return `${address.slice(0, at)}@${domainToAscii(address.slice(at + 1))}`;
}

/** True when the local part is non-ASCII, so the server must offer SMTPUTF8. */
export function needsSmtpUtf8(address: string): boolean {
  const at = lastUnquotedAt(address);
  return /[^\x00-\x7f]/.test(at < 0 ? address : address.slice(0, at));
}

/** An address list cut into entries: the one tokenizer for every typed or stored list (fields, chips, mailto, drafts). */
export interface AddressTokens {
  /** Entries each ended by a separator (comma, semicolon, or the end of a group), trimmed, empty ones left out. */
  complete: string[];
  /** The text after the last separator (still being typed in a field), leading space dropped. */
  rest: string;
  /** The rest opens a quote, comment or < that it does not close. */
  unterminated: boolean;
}

/**
 * Cuts an address list at top-level commas and semicolons, respecting quotes (with backslash escapes),
 * nested comments and angle brackets. A group ("Team: a@x, b@y;") gives its members: the group's name,
 * a phrase ended by a colon before any @, is not an address. `keepComments` keeps "(…)" in the entries
 * as typed (a chip shows what was written); without it they are dropped, as a parser wants.
 */
export function tokenizeAddressList(text: string, options: { keepComments?: boolean } = {}): AddressTokens {
  const keep = options.keepComments === true;
  const complete: string[] = [];
  let current = '';
  let inQuote = false;
  let commentDepth = 0;
  let inAngle = false;
  const end = () => {
    if (current.trim()) complete.push(current.trim());
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuote) {
      current += ch;
      if (ch === '\\' && i + 1 < text.length) current += text[++i];
      else if (ch === '"') inQuote = false;
      continue;
    }
    if (commentDepth > 0) {
      const escaped = ch === '\\' && i + 1 < text.length;
      if (keep) current += escaped ? ch + text[i + 1] : ch;
      if (escaped) i++;
      else if (ch === '(') commentDepth++;
      else if (ch === ')') commentDepth--;
      continue;
    }
    if (ch === '"') inQuote = true;
    else if (ch === '(') {
      commentDepth = 1;
      if (!keep) continue;
    } else if (ch === '<') inAngle = true;
    else if (ch === '>') inAngle = false;
    else if (!inAngle && (ch === ',' || ch === ';')) {
      end();
      continue;
    } else if (!inAngle && ch === ':' && !current.includes('@')) {
      // "Team: a@x, b@y;" — the group name is not an address.
      current = '';
      continue;
    }
    current += ch;
  }
  return { complete, rest: current.trimStart(), unterminated: inQuote || commentDepth > 0 || inAngle };
}

/** Every entry of a whole list, the unfinished last one marked for parseEntry when it opens something it does not close. */
function splitEntries(input: string): string[] {
  const { complete, rest, unterminated } = tokenizeAddressList(input);
  // The marker is safe: parseAddressList refuses input that holds a NUL.
  if (unterminated) return [...complete, `${rest.trim()}\u0000unterminated`];
  return rest.trim() ? [...complete, rest.trim()] : complete;
}

const unescapeQuoted = (quoted: string) => quoted.slice(1, -1).replace(/\\(.)/gsu, '$1');

function unquote(name: string): string {
  const trimmed = name.trim();
  if (/^"(?:[^"\\]|\\.)*"$/su.test(trimmed)) return unescapeQuoted(trimmed);
  // Words and quoted words mixed: John "Q." Public.
  return trimmed.replace(QUOTED_STRING, unescapeQuoted).replace(/\s+/g, ' ');
}

function parseEntry(entry: string): Mailbox | { reason: string } {
  if (entry.includes('\u0000unterminated')) return { reason: 'unterminated quote, comment or <' };
  const open = entry.lastIndexOf('<');
  if (open >= 0) {
    const close = entry.indexOf('>', open);
    if (close < 0) return { reason: 'missing >' };
    if (entry.slice(close + 1).trim()) return { reason: 'text after >' };
    const address = entry.slice(open + 1, close).trim();
    const problem = addressProblem(address);
    if (problem) return { reason: problem };
    const phrase = entry.slice(0, open);
    // Unquoted, "bob@good.test <eve@evil.test>" would show one address and send to another.
    if (/[<>@[\]:;\\"]/.test(phrase.replace(QUOTED_STRING, ''))) {
      return { reason: 'a display name holding < > @ : ; [ ] or \\ must be in quotes' };
    }
    const name = unquote(phrase);
    return name ? { name, address: normalizeAddress(address) } : { address: normalizeAddress(address) };
  }
  const problem = addressProblem(entry);
  if (problem) return { reason: problem };
  return { address: normalizeAddress(entry) };
}

/** Parses a To/Cc/Bcc field. An empty field is a valid empty list. */
export function parseAddressList(input: string): AddressListResult {
  // Refused as a whole: a line break is header injection wherever it stands, names included.
  if (LINE_BREAK.test(input)) return { ok: false, invalid: [{ input, reason: 'contains a line break' }] };
  if (FORBIDDEN_CONTROL.test(input)) return { ok: false, invalid: [{ input, reason: 'contains a control character' }] };
  // A name that reverses the text after it can make one address read as another.
  if (BIDI_CONTROL.test(input)) return { ok: false, invalid: [{ input, reason: 'contains a character that reverses the direction of the text' }] };
  const mailboxes: Mailbox[] = [];
  const invalid: { input: string; reason: string }[] = [];
  for (const entry of splitEntries(input)) {
    const parsed = parseEntry(entry);
    if ('reason' in parsed) invalid.push({ input: entry.replace('\u0000unterminated', ''), reason: parsed.reason });
    else mailboxes.push(parsed);
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, mailboxes };
}

/** "Name <addr>" for display; the name quoted when it holds specials. */
export function formatMailbox(mailbox: Mailbox): string {
  if (!mailbox.name) return mailbox.address;
  // Also quoted: whitespace an unquoted name would lose to folding.
  const special = /[()<>[\]:;@\\,."]|^\s|\s$|\s\s|[^\S ]/.test(mailbox.name);
  const name = special ? `"${mailbox.name.replace(/(["\\])/g, '\\$1')}"` : mailbox.name;
  return `${name} <${mailbox.address}>`;
}
