/**
 * Typed lookups over the i18next instance. Pure logic calls t() directly;
 * components call useT() (use-t.ts) so they re-render when the language changes.
 *
 * t() asks i18next once per language and key, then fills the placeholders
 * itself: a list row calls it a dozen times, a fast scroll mounts a screenful
 * of rows every frame, and i18next's lookup and interpolation (regular
 * expressions, option objects) cost more per call than the whole rest of a row.
 * t.test.ts checks the result equals i18next's for every key of every catalogue.
 */
import { fillPlaceholders, type Vars } from '../../shared/i18n/fill';
import { i18n } from './i18n';
import type { MessageKey, PluralKey } from '../../shared/i18n/types';

export type { MessageKey, PluralKey };
export type { Vars };

let templatesLanguage: string | undefined;
let templates = new Map<string, string>();

/** The text for a key with its placeholders left in (the missing-value handler keeps them). */
function template(key: MessageKey): string {
  if (i18n.language !== templatesLanguage) {
    templatesLanguage = i18n.language;
    templates = new Map();
  }
  let text = templates.get(key);
  if (text === undefined) {
    text = i18n.t(key) as string;
    templates.set(key, text);
  }
  return text;
}

export function t(key: MessageKey, vars?: Vars): string {
  const text = template(key);
  return vars === undefined ? text : fillPlaceholders(text, vars);
}

/** Picks the plural form for `count` by the language's rules and passes count as the {count} value. */
export function tPlural(key: PluralKey, count: number, vars?: Vars): string {
  return i18n.t(key, { ...vars, count } as Record<string, unknown>) as string;
}
