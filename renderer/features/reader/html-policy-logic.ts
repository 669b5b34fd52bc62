/**
 * What of a sender's HTML survives into the reading frame: an allowlist of
 * elements and attributes, decided here as pure functions so they can be
 * tested without a DOM (sanitize-html.ts walks the DOM and asks). The frame's
 * sandbox and CSP already stop scripts and remote loads; this is the second
 * wall, so that a mistake in one of them is not enough.
 */

/** Removed with everything inside: active content, document-level switches, things that fetch or submit. */
const DROPPED = new Set([
  'script', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'base', 'meta', 'link', 'title', 'head', 'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea',
  'datalist', 'output', 'keygen', 'isindex', 'svg', 'math', 'audio', 'video', 'source', 'track', 'picture',
  'canvas', 'map', 'area', 'portal', 'dialog', 'slot', 'xmp', 'plaintext', 'noembed', 'noframes', 'style',
]);

/** Kept as they are (attributes still filtered). */
const KEPT = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center',
  'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'label', 'li',
  'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strike', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);

export type ElementVerdict = 'keep' | 'drop' | 'unwrap';

/** Unknown elements lose their tag but keep their text, so odd markup still reads. */
export function elementVerdict(tagName: string): ElementVerdict {
  const tag = tagName.toLowerCase();
  if (DROPPED.has(tag)) return 'drop';
  return KEPT.has(tag) ? 'keep' : 'unwrap';
}

/** Presentational attributes only: nothing that runs, fetches, submits, targets or names a URL. */
const PLAIN_ATTRIBUTES = new Set([
  'align', 'alt', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'color', 'cols', 'colspan', 'dir', 'face',
  'height', 'lang', 'nowrap', 'rowspan', 'rows', 'scope', 'size', 'span', 'start', 'summary', 'title', 'valign',
  'width', 'datetime', 'headers', 'abbr', 'reversed', 'type', 'open', 'hspace', 'vspace', 'clear', 'noshade',
]);

/** Where the frame keeps what the parent applies or decides on later (styles through the CSSOM, images, links). */
export const DATA = {
  style: 'data-x-style',
  href: 'data-x-href',
  cid: 'data-x-cid',
  remoteSrc: 'data-x-src',
  remoteBackground: 'data-x-background',
} as const;

export type Source =
  | { kind: 'cid'; contentId: string }
  | { kind: 'data'; url: string }
  | { kind: 'remote'; url: string }
  | { kind: 'none' };

/** Raster images only: an SVG data: URL can carry script. */
const DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

/** Where an image comes from. Relative URLs would resolve against the app itself, so they count as none. */
export function classifySource(value: string): Source {
  const url = value.trim();
  const cid = /^cid:(.+)$/i.exec(url);
  if (cid) return { kind: 'cid', contentId: normalizeContentId(decodeSafely(cid[1] as string)) };
  if (DATA_IMAGE.test(url)) return { kind: 'data', url };
  if (/^https?:\/\/[^/\s]/i.test(url)) return { kind: 'remote', url };
  if (/^\/\/[^/\s]/.test(url)) return { kind: 'remote', url: `https:${url}` };
  return { kind: 'none' };
}

/** Content-IDs are compared without their angle brackets and case-blind (mail clients vary). */
export function normalizeContentId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export type AttributeVerdict = { action: 'keep' } | { action: 'drop' } | { action: 'rename'; to: string; value: string };

/**
 * One attribute of a kept element. Links lose their href (kept aside, so a
 * click can only reach our handler, never navigate the frame); images keep a
 * source only when it is inline data, else it waits aside; style waits aside
 * for the CSSOM, because the app's CSP (which the frame inherits) refuses
 * style attributes.
 */
export function attributeVerdict(tagName: string, name: string, value: string, remoteAllowed: boolean): AttributeVerdict {
  const tag = tagName.toLowerCase();
  const attr = name.toLowerCase();
  if (attr === 'style') return { action: 'rename', to: DATA.style, value };
  if (attr === 'href') return tag === 'a' ? { action: 'rename', to: DATA.href, value: value.trim() } : { action: 'drop' };
  if (attr === 'src' || attr === 'background') {
    if (attr === 'src' && tag !== 'img') return { action: 'drop' };
    const source = classifySource(value);
    if (source.kind === 'cid') return attr === 'src' ? { action: 'rename', to: DATA.cid, value: source.contentId } : { action: 'drop' };
    if (source.kind === 'data') return { action: 'keep' };
    if (source.kind === 'remote') {
      if (remoteAllowed) return { action: 'rename', to: attr, value: source.url };
      return { action: 'rename', to: attr === 'src' ? DATA.remoteSrc : DATA.remoteBackground, value: source.url };
    }
    return { action: 'drop' };
  }
  if (attr === 'type' && tag !== 'ol' && tag !== 'ul' && tag !== 'li') return { action: 'drop' };
  return PLAIN_ATTRIBUTES.has(attr) ? { action: 'keep' } : { action: 'drop' };
}

/** CSS from the sender, made harmless to hand to the frame's CSSOM: no imports, no bindings, no expressions. */
export function cleanCss(css: string): string {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/expression\s*\(/gi, 'invalid(')
    .replace(/-moz-binding\s*:/gi, 'invalid:')
    .replace(/behavior\s*:/gi, 'invalid:');
}
