/**
 * One question at a time for the user (Delete? Discard?), answered in the
 * ConfirmDialog. `askConfirm` resolves true for the confirming button, false
 * for Cancel, Escape or a newer question replacing this one.
 */
import { create } from 'zustand';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  /** The confirming button is drawn as a destructive action. */
  danger?: boolean;
}

export interface ConfirmState {
  request: (ConfirmRequest & { id: number }) | null;
  answer(id: number, yes: boolean): void;
}

export const initialConfirmState = { request: null as (ConfirmRequest & { id: number }) | null };

const waiting = new Map<number, (yes: boolean) => void>();
let nextId = 1;

export const useConfirmStore = create<ConfirmState>()((set, get) => ({
  ...initialConfirmState,
  answer: (id, yes) => {
    waiting.get(id)?.(yes);
    waiting.delete(id);
    if (get().request?.id === id) set({ request: null });
  },
}));

export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  const previous = useConfirmStore.getState().request;
  if (previous) useConfirmStore.getState().answer(previous.id, false);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    useConfirmStore.setState({ request: { ...request, id } });
  });
}
