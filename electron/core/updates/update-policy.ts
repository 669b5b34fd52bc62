/**
 * When to look for an application update and when restarting into one is allowed.
 * Pure, so the rules are tested without Electron.
 */
import type { OutboxItem } from '../../../shared/model';

export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface UpdateEnvironment {
  /** Electron's app.isPackaged: false when run from the source tree. */
  isPackaged: boolean;
  host: 'electron' | 'browser';
  /** OUTBOX_NO_UPDATES=1 turns updates off (managed machines, tests of a packaged build). */
  env: Readonly<Record<string, string | undefined>>;
}

/** Why updates are off, or null when they are on. Only an installed Electron app updates itself. */
export function updatesOffReason(where: UpdateEnvironment): 'development' | 'browser-host' | 'turned-off' | null {
  if (where.host !== 'electron') return 'browser-host';
  if (!where.isPackaged) return 'development';
  if (where.env.OUTBOX_NO_UPDATES === '1') return 'turned-off';
  return null;
}

/** At most one check a day; a last check in the future (the clock was moved back) does not block checks for ever. */
export function checkDue(now: number, lastCheckAt: number | null): boolean {
  if (lastCheckAt === null || lastCheckAt > now) return true;
  return now - lastCheckAt >= CHECK_INTERVAL_MS;
}

/** A restart would cut a send short: it waits while any message is being handed to a server. */
export function restartAllowed(sending: number): boolean {
  return sending === 0;
}

/** Keeps the ids of the messages being sent, from the outbox's events. */
export function trackSending(sending: Set<string>, item: Pick<OutboxItem, 'id' | 'state'>): void {
  if (item.state === 'sending') sending.add(item.id);
  else sending.delete(item.id);
}
