/**
 * What the window knows of mailbox actions: the last one (for Undo), a
 * failure to show, and each account's queue as the core reports it (how many
 * wait for the server, conflicts to show once).
 */
import { create } from 'zustand';
import type { MailActionResult, PendingActions } from '../../shared/mail-model';

export interface MailActionsState {
  last: (MailActionResult & { undone: boolean }) | null;
  error: string | null;
  queues: Record<string, PendingActions>;
  done(result: MailActionResult): void;
  undone(): void;
  failed(error: string | null): void;
  clearLast(): void;
  setQueue(queue: PendingActions): void;
}

export const useMailActionsStore = create<MailActionsState>()((set) => ({
  last: null,
  error: null,
  queues: {},
  done: (result) => set({ last: { ...result, undone: false }, error: null }),
  undone: () => set((s) => ({ last: s.last ? { ...s.last, undone: true } : null })),
  failed: (error) => set({ error }),
  clearLast: () => set({ last: null }),
  setQueue: (queue) => set((s) => ({ queues: { ...s.queues, [queue.accountId]: queue } })),
}));
