/** What the update note says, and whether it offers Restart, for an update state. */
import type { UpdateState } from '../../../shared/update-model';
import type { MessageKey } from '../../i18n/t';

export interface UpdateNote {
  key: Extract<MessageKey, `update.${string}`>;
  /** Restart now and Later are offered only before the restart is asked for. */
  actions: boolean;
}

export function updateNote(update: UpdateState | null, dismissedVersion: string | null): UpdateNote | null {
  if (!update || !update.version) return null;
  switch (update.phase) {
    case 'ready':
      return update.version === dismissedVersion ? null : { key: 'update.ready', actions: true };
    case 'waiting':
      return { key: 'update.waiting', actions: false };
    case 'restarting':
      return { key: 'update.restarting', actions: false };
  }
}
