/**
 * Characters that make text lie about itself: C0 and C1 controls (tab aside),
 * the Unicode line separators, and the bidirectional embeddings, overrides
 * and isolates that can make "invoice‮fdp.exe" read as "invoiceexe.pdf".
 * The bidi marks (LRM, RLM, ALM) stay allowed: right-to-left writing needs them.
 */
export const UNSAFE_TEXT = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

export const isSafeText = (text: string): boolean => !UNSAFE_TEXT.test(text);

/** Text from elsewhere (a server, a received message) made safe to show: each unsafe character becomes a visible U+FFFD. */
export const shownSafely = (text: string): string => text.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '\uFFFD');
