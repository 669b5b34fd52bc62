/**
 * The server's SEARCH for what the local index cannot see: mail whose text was
 * never downloaded, or that arrived since the last sync. The UIDs the server
 * finds are capped (newest first); those missing from the cache get their
 * headers fetched and stored, and bodies not on disk are fetched (fewer still),
 * so the local index then finds them too and they show among the results.
 */
import type { SearchObject } from 'imapflow';

/** At most this many UIDs of a server search are considered (the newest). */
export const SERVER_SEARCH_MAX_UIDS = 500;
/** At most this many bodies are fetched per search, so body-only matches show. */
export const SERVER_SEARCH_MAX_BODIES = 50;

/** The SEARCH criteria for a typed query: every word must appear, each in the subject, a sender, a recipient or the text. */
export function serverSearchQuery(typed: string): SearchObject | null {
  const words = typed
    .split(/\s+/)
    .map((w) => w.replace(/["\\]/g, '').trim())
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (!words.length) return null;
  const anyField = (word: string): SearchObject => ({ or: [{ subject: word }, { from: word }, { to: word }, { cc: word }, { body: word }] });
  // A SearchObject holds one `or`; several words are ANDed as NOT (NOT a OR NOT b ...).
  return words.length === 1 ? anyField(words[0] as string) : { not: { or: words.map((w) => ({ not: anyField(w) })) } };
}

/** The newest `max` of the server's UIDs (UIDs grow with arrival). */
export function newestUids(uids: readonly number[], max = SERVER_SEARCH_MAX_UIDS): number[] {
  return [...new Set(uids)].sort((a, b) => b - a).slice(0, max);
}
