/**
 * Fills a catalogue text's {name} placeholders (i18next's syntax as the
 * renderer configures it: the name trimmed inside the braces). Values go in
 * literally, so "$&" or "{x}" in a value is never expanded; a placeholder with
 * no value stays visible rather than vanish.
 */
const PLACEHOLDER = /\{(.+?)\}/g;

export type Vars = Readonly<Record<string, string | number>>;

export function fillPlaceholders(text: string, vars: Vars): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (match: string, name: string) => {
    const value = vars[name.trim()];
    return value === undefined || value === null ? match : String(value);
  });
}
