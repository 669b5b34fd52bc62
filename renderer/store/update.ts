/**
 * The application update the main process downloaded, as pushed by `app:update`.
 * Later hides the prompt for that version only; a newer download shows it again.
 */
import { create } from 'zustand';
import type { MailApi } from '../../shared/contract';
import type { UpdateState } from '../../shared/update-model';
import { settle } from '../app/settle';
import { errorText } from '../i18n/error-text';

export interface UpdateStoreState {
  update: UpdateState | null;
  dismissedVersion: string | null;
  error: string | null;
  set(update: UpdateState): void;
  later(): void;
  restart(api: MailApi): Promise<void>;
}

export const initialUpdateState = { update: null as UpdateState | null, dismissedVersion: null as string | null, error: null as string | null };

export const useUpdateStore = create<UpdateStoreState>()((set, get) => ({
  ...initialUpdateState,
  set: (update) => set({ update, error: null }),
  later: () => set((s) => ({ dismissedVersion: s.update?.version ?? null })),
  restart: async (api) => {
    const result = await settle(() => api.app.restartToUpdate({}));
    // An app:update event may have said more meanwhile (restarting); keep the furthest phase.
    if (result.ok) {
      const now = get().update;
      if (now?.phase !== 'restarting') set({ update: result.value, error: null });
    } else set({ error: errorText(result.error) });
  },
}));
