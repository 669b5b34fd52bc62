/**
 * Messages for the user that outlive the action that caused them: errors stay
 * until dismissed; the "queued" note (with Undo) goes once the message leaves.
 */
import { create } from 'zustand';

export type Alert =
  | { id: number; kind: 'error'; text: string }
  /** A message just queued: Undo takes it back into Compose while it is still held. */
  | { id: number; kind: 'queued'; text: string; itemId: string }
  /** New mail in an Inbox: Open shows the latest message. */
  | { id: number; kind: 'newMail'; text: string; folderId: string; messageId: string };

export type NewAlert = Alert extends infer A ? (A extends Alert ? Omit<A, 'id'> : never) : never;

export interface AlertsState {
  alerts: Alert[];
  nextId: number;
  push(alert: NewAlert): number;
  dismiss(id: number): void;
  /** Drops the queued note about an item (sent, cancelled, or undone). */
  dismissQueued(itemId: string): void;
  /** The new-mail notice about this message, once the user opens it. */
  dismissNewMail(messageId: string): void;
}

export const initialAlertsState = { alerts: [] as Alert[], nextId: 1 };

/** More than this and the oldest go: a storm of failures must not fill the window. */
const MAX_ALERTS = 5;

export const useAlertsStore = create<AlertsState>()((set, get) => ({
  ...initialAlertsState,
  push: (alert) => {
    const id = get().nextId;
    set((s) => {
      // One queued note at a time: the newest message is the one Undo is about.
      // Likewise one new-mail notice: the newest replaces the one before.
      const kept = alert.kind === 'queued' || alert.kind === 'newMail' ? s.alerts.filter((a) => a.kind !== alert.kind) : s.alerts;
      return { alerts: [...kept, { ...alert, id } as Alert].slice(-MAX_ALERTS), nextId: id + 1 };
    });
    return id;
  },
  dismiss: (id) => set((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) })),
  dismissQueued: (itemId) => set((s) => ({ alerts: s.alerts.filter((a) => a.kind !== 'queued' || a.itemId !== itemId) })),
  dismissNewMail: (messageId) => set((s) => ({ alerts: s.alerts.filter((a) => a.kind !== 'newMail' || a.messageId !== messageId) })),
}));
