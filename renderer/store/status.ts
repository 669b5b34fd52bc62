/**
 * App-wide status pushed by the core: recovery phase, online flag, accounts.
 * `statusVersion`/`accountsVersion` count pushed updates so a slower initial
 * request cannot overwrite a newer event.
 */
import { create } from 'zustand';
import type { Account, AppStatus } from '../../shared/model';

export interface StatusState {
  app: AppStatus | null;
  accounts: Account[] | null;
  connectionError: string | null;
  statusVersion: number;
  accountsVersion: number;
  setApp(status: AppStatus): void;
  setAccounts(accounts: Account[]): void;
  setConnectionError(message: string | null): void;
}

export const initialStatusState = {
  app: null as AppStatus | null,
  accounts: null as Account[] | null,
  connectionError: null as string | null,
  statusVersion: 0,
  accountsVersion: 0,
};

export const useStatusStore = create<StatusState>()((set) => ({
  ...initialStatusState,
  setApp: (app) => set((s) => ({ app, statusVersion: s.statusVersion + 1, connectionError: null })),
  setAccounts: (accounts) => set((s) => ({ accounts, accountsVersion: s.accountsVersion + 1 })),
  setConnectionError: (connectionError) => set({ connectionError }),
}));
