/**
 * User settings as the core last reported them, and the Settings form's
 * typed-in values. The form follows pushed changes until the user edits it;
 * after a save it follows again.
 */
import { create } from 'zustand';
import type { Settings } from '../../shared/model';

export interface SettingsFields {
  /** As typed into the number input. */
  undoDelay: string;
}

export interface SettingsState {
  settings: Settings | null;
  fields: SettingsFields;
  /** The user has typed into the form since it last matched the core. */
  edited: boolean;
  /** Counts pushed updates so a slower settings.get cannot overwrite a newer event. */
  version: number;
  loadError: string | null;
  /** Why the last save did not happen (local check or core refusal). */
  saveError: string | null;
  /** The field the save error is about, for aria-invalid. */
  invalid: boolean;
  saving: boolean;
  notice: string | null;
  /** Settings from the core (event, load, or a save's answer). */
  apply(settings: Settings): void;
  setLoadError(message: string | null): void;
  setField<K extends keyof SettingsFields>(name: K, value: SettingsFields[K]): void;
  refused(message: string): void;
  saveStarted(): void;
  saveFailed(message: string): void;
  saved(settings: Settings, notice: string): void;
}

const fieldsFrom = (settings: Settings): SettingsFields => ({ undoDelay: String(settings.undoSendSeconds) });

export const initialSettingsState = {
  settings: null as Settings | null,
  fields: { undoDelay: '' } as SettingsFields,
  edited: false,
  version: 0,
  loadError: null as string | null,
  saveError: null as string | null,
  invalid: false,
  saving: false,
  notice: null as string | null,
};

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...initialSettingsState,
  apply: (settings) =>
    set((s) => ({
      settings,
      version: s.version + 1,
      loadError: null,
      ...(s.edited ? {} : { fields: fieldsFrom(settings), invalid: false }),
    })),
  setLoadError: (loadError) => set({ loadError }),
  setField: (name, value) =>
    set((s) => ({ fields: { ...s.fields, [name]: value }, edited: true, invalid: false, saveError: null, notice: null })),
  refused: (saveError) => set({ saveError, invalid: true, notice: null }),
  saveStarted: () => set({ saving: true, saveError: null, invalid: false, notice: null }),
  saveFailed: (saveError) => set({ saving: false, saveError }),
  saved: (settings, notice) =>
    set((s) => ({ settings, version: s.version + 1, fields: fieldsFrom(settings), edited: false, saving: false, notice })),
}));
