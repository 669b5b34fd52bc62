import { describe, expect, it } from 'vitest';
import { CHECK_INTERVAL_MS, checkDue, restartAllowed, trackSending, updatesOffReason } from './update-policy';

describe('update policy', () => {
  it('updates only an installed Electron app, unless turned off', () => {
    expect(updatesOffReason({ host: 'electron', isPackaged: true, env: {} })).toBeNull();
    expect(updatesOffReason({ host: 'electron', isPackaged: false, env: {} })).toBe('development');
    expect(updatesOffReason({ host: 'browser', isPackaged: true, env: {} })).toBe('browser-host');
    expect(updatesOffReason({ host: 'electron', isPackaged: true, env: { OUTBOX_NO_UPDATES: '1' } })).toBe('turned-off');
  });

  it('checks at most once a day', () => {
    const now = Date.UTC(2026, 11, 4, 12);
    expect(checkDue(now, null)).toBe(true);
    expect(checkDue(now, now - 60_000)).toBe(false);
    expect(checkDue(now, now - CHECK_INTERVAL_MS + 1)).toBe(false);
    expect(checkDue(now, now - CHECK_INTERVAL_MS)).toBe(true);
  });

  it('checks again when the last check is in the future (the clock went back)', () => {
    const now = Date.UTC(2026, 11, 4, 12);
    expect(checkDue(now, now + 3 * CHECK_INTERVAL_MS)).toBe(true);
  });

  it('allows a restart only when no message is being sent', () => {
    expect(restartAllowed(0)).toBe(true);
    expect(restartAllowed(1)).toBe(false);
  });

  it('follows each message into and out of sending', () => {
    const sending = new Set<string>();
    trackSending(sending, { id: 'a', state: 'sending' });
    trackSending(sending, { id: 'b', state: 'sending' });
    trackSending(sending, { id: 'a', state: 'sent' });
    trackSending(sending, { id: 'c', state: 'queued' });
    expect([...sending]).toEqual(['b']);
    trackSending(sending, { id: 'b', state: 'deferred' });
    expect(sending.size).toBe(0);
  });
});
