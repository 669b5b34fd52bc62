/**
 * Up to when this window's user has been told of messages that ended badly
 * (the newest such change it announced or loaded), kept in localStorage so a
 * window opened later announces only what happened while none was open.
 */
const STORAGE_KEY = 'outbox-mail.seenEndsUntil';

let memory = 0;

export function seenEndsUntil(): number {
  try {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(stored) ? Math.max(stored, memory) : memory;
  } catch {
    return memory; // no localStorage (tests in Node): this window's memory only
  }
}

export function markEndsSeen(until: number): void {
  if (until <= seenEndsUntil()) return;
  memory = until;
  try {
    localStorage.setItem(STORAGE_KEY, String(until));
  } catch {
    // Kept in memory for this window.
  }
}

/** For tests. */
export function resetSeenEnds(): void {
  memory = 0;
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept
  }
}
