/**
 * The body of a delivery-status (RFC 3464) or disposition-notification (RFC 8098)
 * part: groups of header-style fields separated by blank lines. Strict about
 * that structure, tolerant of what real servers write around it (CRLF or LF,
 * whitespace-only separator lines, folded values, odd capitalisation). Never
 * throws: what cannot be read becomes a problem note beside what could.
 */

export interface FieldGroup {
  /** Field names in lower case; a repeated field keeps every value, in order. */
  fields: Map<string, string[]>;
}

export interface ParsedGroups {
  groups: FieldGroup[];
  /** Lines that are neither a field, a continuation nor a separator, quoted briefly. */
  problems: string[];
}

const FIELD = /^([!-9;-~]+)[ \t]*:(.*)$/;
const MAX_PROBLEMS = 20;

export function parseFieldGroups(body: string): ParsedGroups {
  const groups: FieldGroup[] = [];
  const problems: string[] = [];
  let current: FieldGroup | null = null;
  let last: { name: string; index: number } | null = null;

  const close = () => {
    if (current && current.fields.size > 0) groups.push(current);
    current = null;
    last = null;
  };

  for (const line of body.split(/\r?\n|\r/)) {
    if (/^[ \t]*$/.test(line)) {
      close();
      continue;
    }
    if (/^[ \t]/.test(line)) {
      // A folded value continues the field above it; with none above, it is stray text.
      if (current && last) {
        const values = current.fields.get(last.name)!;
        values[last.index] = `${values[last.index]} ${line.trim()}`;
      } else if (problems.length < MAX_PROBLEMS) {
        problems.push(`continuation without a field: ${quote(line)}`);
      }
      continue;
    }
    const match = FIELD.exec(line);
    if (!match) {
      if (problems.length < MAX_PROBLEMS) problems.push(`not a field: ${quote(line)}`);
      continue;
    }
    const name = match[1]!.toLowerCase();
    const group: FieldGroup = current ?? { fields: new Map() };
    current = group;
    const values = group.fields.get(name) ?? [];
    values.push(match[2]!.trim());
    group.fields.set(name, values);
    last = { name, index: values.length - 1 };
  }
  close();
  return { groups, problems };
}

export const first = (group: FieldGroup | undefined, name: string): string | null => group?.fields.get(name)?.[0] ?? null;

/** Removes RFC 5322 comments "(...)", nested, outside quoted strings; unbalanced ones are dropped to the end. */
export function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      if (depth === 0) out += c + value[i + 1];
      i++;
      continue;
    }
    if (depth === 0 && c === '"') quoted = !quoted;
    if (!quoted && c === '(') {
      depth++;
      continue;
    }
    if (!quoted && c === ')' && depth > 0) {
      depth--;
      continue;
    }
    if (depth === 0) out += c;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** "type; value" fields (Reporting-MTA, Final-Recipient, Diagnostic-Code ...): the type in lower case, the rest as written. */
export function typed(value: string | null, keepComments = false): { type: string; value: string } | null {
  if (value === null) return null;
  const text = keepComments ? value.trim() : stripComments(value);
  const semicolon = text.indexOf(';');
  if (semicolon < 0) return text ? { type: '', value: text } : null;
  return { type: text.slice(0, semicolon).trim().toLowerCase(), value: text.slice(semicolon + 1).trim() };
}

const quote = (line: string): string => JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}…` : line);
