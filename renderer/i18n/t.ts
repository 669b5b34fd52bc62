/**
 * Looks strings up by key. English is the only table for now; a later locale
 * switch replaces `messages` without touching any component.
 */
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Vars = Readonly<Record<string, string | number>>;

/** Keys that have plural forms, without the _one/_other suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

const messages: Readonly<Record<MessageKey, string>> = en;
const pluralRules = new Intl.PluralRules('en');

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function t(key: MessageKey, vars?: Vars): string {
  return format(messages[key], vars);
}

/** Picks the plural form for `count` and passes count as the {count} value. */
export function tPlural(key: PluralKey, count: number, vars?: Vars): string {
  const candidate = `${key}_${pluralRules.select(count)}`;
  const chosen = (Object.prototype.hasOwnProperty.call(messages, candidate) ? candidate : `${key}_other`) as MessageKey;
  return t(chosen, { count, ...vars });
}
