/** Messages the built-in sandbox SMTP server received, newest first. */
import { create } from 'zustand';
import type { SandboxMessage } from '../../shared/model';
import { upsertMessages } from './sandbox-logic';

export interface SandboxState {
  messages: SandboxMessage[];
  loadError: string | null;
  add(messages: readonly SandboxMessage[]): void;
  setLoadError(message: string | null): void;
}

export const initialSandboxState = {
  messages: [] as SandboxMessage[],
  loadError: null as string | null,
};

export const useSandboxStore = create<SandboxState>()((set) => ({
  ...initialSandboxState,
  add: (messages) => set((s) => ({ messages: upsertMessages(s.messages, messages) })),
  setLoadError: (loadError) => set({ loadError }),
}));
