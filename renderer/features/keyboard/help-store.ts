/** Whether the keyboard shortcuts help is open (from "?" or its sidebar button). */
import { create } from 'zustand';

export const useShortcutHelpStore = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
