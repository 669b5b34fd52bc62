import { describe, expect, it } from 'vitest';
import { loadDismissed, saveDismissed, shouldWelcome } from './welcome-logic';

const memory = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

describe('the first-start welcome', () => {
  it('shows while the sandbox is the only account, and not before the accounts are known', () => {
    expect(shouldWelcome([{ sandbox: true }], false)).toBe(true);
    expect(shouldWelcome(null, false)).toBe(false);
    expect(shouldWelcome([{ sandbox: true }, { sandbox: false }], false)).toBe(false);
  });

  it('stays away once put away, also in a new window over the same storage', () => {
    const storage = memory();
    expect(loadDismissed(storage)).toBe(false);
    saveDismissed(storage);
    expect(loadDismissed(storage)).toBe(true);
    expect(shouldWelcome([{ sandbox: true }], loadDismissed(storage))).toBe(false);
  });

  it('storage that throws neither breaks nor hides the welcome', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadDismissed(broken)).toBe(false);
    expect(() => saveDismissed(broken)).not.toThrow();
  });
});
