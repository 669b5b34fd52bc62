/// <reference path="./punycode-package.d.ts" />
/**
 * IDNA-style domain conversion for both processes, so the renderer and the main process agree on
 * what goes on the wire without either relying on Node's or the DOM's URL machinery. The RFC 3492
 * encoding itself is the maintained `punycode` package (its CommonJS file: the bare name is Node's
 * deprecated built-in); the mapping below is ours.
 */
import punycode from 'punycode/punycode.js';

/** Encodes one label (without the xn-- prefix). */
export const punycodeEncode = (label: string): string => punycode.encode(label);

// IDNA treats these full-width and ideographic dots as label separators too.
const LABEL_SEPARATORS = /[.\u3002\uFF0E\uFF61]/;

export function splitDomainLabels(domain: string): string[] {
  return domain.split(LABEL_SEPARATORS);
}

/**
 * The UTS #46 mapping, near enough: NFKC folds full-width and compatibility
 * forms ("ｅｘａｍｐｌｅ" is example.com to a browser), and lower-casing one code
 * point at a time keeps JavaScript's context rule from turning a final Σ into ς.
 */
function mapLabel(label: string): string {
  // ASCII is its own NFKC form, and lower-casing it needs no care: the common case, on every send.
  if (/^[\x00-\x7f]*$/.test(label)) return label.toLowerCase();
  return Array.from(label.normalize('NFKC'), (ch) => ch.toLowerCase()).join('').normalize('NFC');
}

/** The Unicode form of a domain as it should be stored and sent with SMTPUTF8: mapped labels, "." separators. */
export function normalizeDomain(domain: string): string {
  return splitDomainLabels(domain).map(mapLabel).join('.');
}

/** Converts a (possibly Unicode) domain to its ASCII form: lower case, NFKC, xn-- labels. */
export function domainToAscii(domain: string): string {
  return splitDomainLabels(domain)
    .map((label) => {
      const normal = mapLabel(label);
      return /^[\x00-\x7f]*$/.test(normal) ? normal : `xn--${punycodeEncode(normal)}`;
    })
    .join('.');
}
