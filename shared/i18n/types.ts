/** The shape every catalogue has, derived from the English one. */
import type { MessageKey } from './en';

export type { MessageKey };

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** Keys that have plural forms, without the _one/_other suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/** Keys without plural forms: every catalogue must have each of them (checked by the compiler). */
export type PlainKey = Exclude<MessageKey, `${PluralKey}_${PluralCategory}`>;

/**
 * A language's catalogue: every plain key, plus the plural forms its rules
 * need. Which forms those are depends on the language, so catalogues.test.ts
 * checks them against Intl.PluralRules.
 */
export type Catalogue = Readonly<Record<PlainKey, string> & Partial<Record<`${PluralKey}_${PluralCategory}`, string>>>;
