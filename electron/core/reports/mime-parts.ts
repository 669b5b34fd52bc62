/**
 * Just enough MIME to take a report apart: headers, the content type and its
 * parameters, multipart bodies split by their boundary, and the two transfer
 * encodings that carry text. General mail goes through mailparser; reports need
 * their parts kept apart, which mailparser folds into one text.
 * Bounded (depth, parts) and never throws on malformed input.
 */

export interface MimePart {
  /** Header names in lower case, values unfolded; repeated headers keep every value. */
  headers: Map<string, string[]>;
  type: string;
  params: Record<string, string>;
  /** The decoded body (for multiparts, the raw body); children for multiparts. */
  body: Buffer;
  parts: MimePart[];
}

const MAX_DEPTH = 8;
const MAX_PARTS = 64;

export function parseMime(raw: Buffer, depth = 0, budget = { parts: MAX_PARTS }): MimePart {
  const split = headerEnd(raw);
  const headers = readHeaders(raw.subarray(0, split.at).toString('latin1'));
  const body = raw.subarray(split.at + split.length);
  const { type, params } = contentType(headers.get('content-type')?.[0] ?? 'text/plain');
  const part: MimePart = { headers, type, params, body, parts: [] };
  if (type.startsWith('multipart/') && params.boundary && depth < MAX_DEPTH) {
    for (const child of splitMultipart(body, params.boundary)) {
      if (budget.parts-- <= 0) break;
      part.parts.push(parseMime(child, depth + 1, budget));
    }
    return part;
  }
  part.body = decodeTransfer(body, headers.get('content-transfer-encoding')?.[0] ?? '');
  return part;
}

/** Every part, depth first, the part itself included. */
export function* walk(part: MimePart): Generator<MimePart> {
  yield part;
  for (const child of part.parts) yield* walk(child);
}

export function headerValue(part: MimePart, name: string): string | null {
  return part.headers.get(name)?.[0] ?? null;
}

function headerEnd(raw: Buffer): { at: number; length: number } {
  // A message with no body at all is all headers.
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { at: crlf, length: 4 };
  if (lf >= 0) return { at: lf, length: 2 };
  if (raw.length && (raw[0] === 0x0a || (raw[0] === 0x0d && raw[1] === 0x0a))) return { at: 0, length: raw[0] === 0x0a ? 1 : 2 };
  return { at: raw.length, length: 0 };
}

export function readHeaders(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: { name: string; index: number } | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      const values = headers.get(last.name)!;
      values[last.index] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const values = headers.get(name) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(name, values);
    last = { name, index: values.length - 1 };
  }
  return headers;
}

/** "multipart/report; report-type=delivery-status; boundary="x"" → type and parameters (names in lower case). */
export function contentType(value: string): { type: string; params: Record<string, string> } {
  const [head = '', ...rest] = splitOutsideQuotes(value, ';');
  const params: Record<string, string> = {};
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    const name = piece.slice(0, eq).trim().toLowerCase();
    let val = piece.slice(eq + 1).trim();
    if (val.startsWith('"') && val.endsWith('"') && val.length >= 2) val = val.slice(1, -1).replace(/\\(.)/g, '$1');
    if (name && !(name in params)) params[name] = val;
  }
  return { type: head.trim().toLowerCase() || 'text/plain', params };
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && quoted) {
      current += c + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const parts: Buffer[] = [];
  let start = -1;
  let index = 0;
  while (index <= text.length) {
    const lineEnd = text.indexOf('\n', index);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const line = text.slice(index, end).replace(/\r$/, '');
    if (line.startsWith(delimiter)) {
      const closing = line.slice(delimiter.length).startsWith('--');
      if (start >= 0) {
        // The line break before a delimiter belongs to the delimiter.
        let stop = index;
        if (text[stop - 1] === '\n') stop--;
        if (text[stop - 1] === '\r') stop--;
        parts.push(body.subarray(start, Math.max(start, stop)));
      }
      if (closing) return parts;
      start = end + 1;
    }
    if (lineEnd < 0) break;
    index = lineEnd + 1;
  }
  // No closing delimiter: keep what the last part had.
  if (start >= 0 && start < body.length) parts.push(body.subarray(start));
  return parts;
}

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  const name = encoding.trim().toLowerCase();
  if (name === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (name === 'quoted-printable') {
    const text = body.toString('latin1').replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const hex = text[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3))?.[0] : undefined;
      if (hex) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else bytes.push(text.charCodeAt(i) & 0xff);
    }
    return Buffer.from(bytes);
  }
  return body;
}
