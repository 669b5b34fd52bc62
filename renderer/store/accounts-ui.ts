/**
 * What Settings → Accounts shows besides the accounts themselves: the last
 * connection test of each (running, its findings, or its error) and the SIZE
 * limit each server announced. The limits are kept in localStorage so Compose
 * can warn about a message too big for the server after a restart too.
 */
import { create } from 'zustand';
import type { AppError } from '../../shared/errors';
import type { ConnectionTest } from '../../shared/model';

export type TestState =
  | { kind: 'testing' }
  | { kind: 'passed'; result: ConnectionTest; at: number }
  | { kind: 'failed'; error: AppError; at: number }
  | { kind: 'trusting'; error: AppError };

const STORAGE_KEY = 'outbox-mail.serverSizeLimits';

function loadLimits(): Record<string, number | null> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v === null || typeof v === 'number')) as Record<string, number | null>;
  } catch {
    return {};
  }
}

function saveLimits(limits: Record<string, number | null>): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(limits));
  } catch {
    // No storage: the limit is known for this window only.
  }
}

export interface AccountsUiState {
  tests: Readonly<Record<string, TestState>>;
  /** SIZE per account from its last successful test: octets, 0 for "no limit given", null for "not announced". */
  sizeLimits: Readonly<Record<string, number | null>>;
  setTest(accountId: string, state: TestState | null): void;
  /** The account's server may have changed: its SIZE is not known any more. */
  forgetLimit(accountId: string): void;
}

export const initialAccountsUiState = {
  tests: {} as Readonly<Record<string, TestState>>,
  sizeLimits: {} as Readonly<Record<string, number | null>>,
};

export const useAccountsUiStore = create<AccountsUiState>()((set) => ({
  tests: {},
  sizeLimits: typeof localStorage === 'undefined' ? {} : loadLimits(),
  setTest: (accountId, state) =>
    set((s) => {
      const { [accountId]: _old, ...others } = s.tests;
      const tests = state === null ? others : { ...others, [accountId]: state };
      if (state?.kind !== 'passed') return { tests };
      const sizeLimits = { ...s.sizeLimits, [accountId]: state.result.capabilities.size };
      saveLimits(sizeLimits);
      return { tests, sizeLimits };
    }),
  forgetLimit: (accountId) =>
    set((s) => {
      if (!(accountId in s.sizeLimits)) return s;
      const { [accountId]: _old, ...sizeLimits } = s.sizeLimits;
      saveLimits(sizeLimits);
      return { sizeLimits };
    }),
}));
