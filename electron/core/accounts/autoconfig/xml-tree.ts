/**
 * A small, forgiving XML reader for autoconfig answers: elements, attributes
 * and text, nothing else (no DTD, no entities beyond the five predefined and
 * numeric ones, so nothing can expand or fetch). It never throws: unclosed or
 * stray tags are closed where they end up, and whatever is unreadable is skipped.
 */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  text: string;
}

/** Deeper nesting than any real answer is flattened, so walking the tree never runs out of stack. */
const MAX_DEPTH = 64;

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function readAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = match[1] as string;
    // No prototype keys: a hostile document must not reach Object.prototype.
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    attributes[name] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** The document as a tree under a nameless root; local names only (a namespace prefix is dropped). */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1] as XmlElement;
  // Sticky: each token must start where the last one ended; a lone "<" that starts nothing is skipped.
  const token = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<![^>]*>?|<\?[\s\S]*?(?:\?>|$)|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/y;
  let at = 0;
  while (at < source.length) {
    token.lastIndex = at;
    const match = token.exec(source);
    if (!match || match[0].length === 0) {
      at++;
      continue;
    }
    at += match[0].length;
    const [, cdata, closing, rawName, attributeText, selfClosing, text] = match;
    if (cdata !== undefined) top().text += cdata;
    else if (text !== undefined) top().text += decodeEntities(text);
    else if (rawName !== undefined) {
      const name = rawName.includes(':') ? rawName.slice(rawName.indexOf(':') + 1) : rawName;
      if (closing) {
        // Close up to the matching open element; a stray closing tag closes nothing.
        const open = stack.map((e) => e.name).lastIndexOf(name);
        if (open > 0) stack.length = open;
      } else {
        const element: XmlElement = { name, attributes: readAttributes(attributeText ?? ''), children: [], text: '' };
        top().children.push(element);
        if (!selfClosing && stack.length < MAX_DEPTH) stack.push(element);
      }
    }
  }
  return root;
}

export const childrenNamed = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

export const firstChild = (element: XmlElement, name: string): XmlElement | undefined => element.children.find((c) => c.name === name);

/** The trimmed text of the first child with this name, or null. */
export function childText(element: XmlElement, name: string): string | null {
  const child = firstChild(element, name);
  const text = child?.text.trim();
  return text ? text : null;
}

/** Every element with this name, at any depth, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const child of e.children) {
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(element);
  return found;
}
