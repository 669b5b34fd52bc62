/**
 * Typed lookups over the i18next instance. Pure logic calls t() directly;
 * components call useT() (use-t.ts) so they re-render when the language changes.
 */
import { i18n } from './i18n';
import type { MessageKey, PluralKey } from './types';

export type { MessageKey, PluralKey };
export type Vars = Readonly<Record<string, string | number>>;

export function t(key: MessageKey, vars?: Vars): string {
  return i18n.t(key, vars as Record<string, unknown>) as string;
}

/** Picks the plural form for `count` by the language's rules and passes count as the {count} value. */
export function tPlural(key: PluralKey, count: number, vars?: Vars): string {
  return i18n.t(key, { ...vars, count } as Record<string, unknown>) as string;
}
