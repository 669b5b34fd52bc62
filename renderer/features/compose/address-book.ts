/**
 * Autocomplete: the addresses the user has written to before, from the
 * outbox's items (every state, Sent included) and the saved drafts. Most
 * used first, then most recent. Pure, linear in the number of recipients.
 */
import { formatMailbox, parseAddressList } from '../../../shared/address';
import type { Draft, OutboxItem } from '../../../shared/model';

export interface KnownAddress {
  name?: string;
  address: string;
  uses: number;
  lastUsed: number;
}

export function knownAddresses(items: readonly Pick<OutboxItem, 'recipients' | 'createdAt'>[], drafts: readonly Pick<Draft, 'to' | 'cc' | 'bcc' | 'updatedAt'>[]): KnownAddress[] {
  const byKey = new Map<string, KnownAddress>();
  const note = (address: string, name: string | undefined, at: number) => {
    const key = address.toLowerCase();
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, name ? { name, address, uses: 1, lastUsed: at } : { address, uses: 1, lastUsed: at });
      return;
    }
    known.uses++;
    // The latest name written wins; an entry without one keeps the name known.
    if (at >= known.lastUsed) {
      known.lastUsed = at;
      if (name) known.name = name;
    } else if (!known.name && name) known.name = name;
  };
  for (const item of items) for (const r of item.recipients) note(r.address, r.name, item.createdAt);
  for (const draft of drafts) {
    for (const value of [draft.to, draft.cc, draft.bcc]) {
      const parsed = parseAddressList(value);
      if (parsed.ok) for (const m of parsed.mailboxes) note(m.address, m.name, draft.updatedAt);
    }
  }
  return [...byKey.values()].sort((a, b) => b.uses - a.uses || b.lastUsed - a.lastUsed || (a.address < b.address ? -1 : 1));
}

/** 0 for no match; higher is better: the address or a word of the name starts with the query, else contains it. */
function matchScore(known: KnownAddress, query: string): number {
  const address = known.address.toLowerCase();
  const name = (known.name ?? '').toLowerCase();
  if (address.startsWith(query) || name.startsWith(query)) return 3;
  if (name.split(/[\s"'.,-]+/).some((word) => word.startsWith(query)) || address.split(/[.@_+-]/).some((part) => part.startsWith(query))) return 2;
  if (address.includes(query) || name.includes(query)) return 1;
  return 0;
}

/** Up to `limit` addresses matching what is typed, leaving out those already in a chip. */
export function suggest(book: readonly KnownAddress[], typed: string, exclude: ReadonlySet<string>, limit = 6): KnownAddress[] {
  const query = typed.trim().toLowerCase();
  if (query === '') return [];
  const scored: { known: KnownAddress; score: number; rank: number }[] = [];
  book.forEach((known, rank) => {
    if (exclude.has(known.address.toLowerCase())) return;
    const score = matchScore(known, query);
    if (score > 0) scored.push({ known, score, rank });
  });
  // An exact address typed in full needs no suggestion.
  if (scored.length === 1 && scored[0]?.known.address.toLowerCase() === query) return [];
  return scored
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .slice(0, limit)
    .map((s) => s.known);
}

/** The chip text for a chosen suggestion. */
export const suggestionEntry = (known: KnownAddress): string => formatMailbox(known.name ? { name: known.name, address: known.address } : { address: known.address });
