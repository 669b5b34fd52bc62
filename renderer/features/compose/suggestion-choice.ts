/**
 * Which suggestion Enter or Tab takes in a recipient field. The highlighted
 * one when the arrows chose it; otherwise, when only one suggestion is shown
 * and what was typed is not an address on its own ("gra"), that one: the user
 * plainly means it, and committing "gra" would only make an invalid chip.
 * A complete address typed by hand stays as typed.
 */
export function suggestionToTake<T>(suggestions: readonly T[], active: number, typedIsAddress: boolean): T | undefined {
  if (active >= 0) return suggestions[active];
  if (suggestions.length === 1 && !typedIsAddress) return suggestions[0];
  return undefined;
}
