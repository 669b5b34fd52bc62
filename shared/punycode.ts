/**
 * RFC 3492 Punycode encoder and IDNA-style domain conversion, written for the
 * shared module so the renderer and the main process agree on what goes on the
 * wire without either pulling in Node's or the DOM's URL machinery.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(d: number): string {
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

/** Encodes one label (without the xn-- prefix). */
export function punycodeEncode(label: string): string {
  const codePoints = Array.from(label, (ch) => ch.codePointAt(0) as number);
  let output = codePoints.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basicCount = output.length;
  let handled = basicCount;
  if (basicCount > 0) output += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < codePoints.length) {
    const m = Math.min(...codePoints.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basicCount);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

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
