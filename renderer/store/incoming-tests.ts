/**
 * The last incoming (IMAP) connection test of each account: running, what the
 * server offers, or why it failed (with the certificate to trust, if that was it).
 */
import { create } from 'zustand';
import type { AppError } from '../../shared/errors';
import type { IncomingConnectionTest } from '../../shared/mail-model';

export type IncomingTestState =
  | { kind: 'testing' }
  | { kind: 'passed'; result: IncomingConnectionTest; at: number }
  | { kind: 'failed'; error: AppError; at: number }
  | { kind: 'trusting'; error: AppError };

export interface IncomingTestsState {
  tests: Readonly<Record<string, IncomingTestState>>;
  setTest(accountId: string, state: IncomingTestState | null): void;
}

export const useIncomingTestsStore = create<IncomingTestsState>()((set) => ({
  tests: {},
  setTest: (accountId, state) =>
    set((s) => {
      const { [accountId]: _old, ...others } = s.tests;
      return { tests: state === null ? others : { ...others, [accountId]: state } };
    }),
}));
