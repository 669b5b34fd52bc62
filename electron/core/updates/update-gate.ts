/**
 * Created with the core, before recovery, so it sees every send start and end.
 * Holds a downloaded update until the user asks to restart, and then until no
 * message is being sent: a restart never cuts a send short. The host (Electron's
 * updater) reports the download and says how to install; the window is told
 * through `app:update` and asks with `app.restartToUpdate`.
 */
import type { OutboxItem } from '../../../shared/model';
import { failure } from '../../../shared/i18n/reason';
import type { UpdateState } from '../../../shared/update-model';
import type { EventBus } from '../events';
import { restartAllowed, trackSending } from './update-policy';

export class UpdateGate {
  private readonly sending = new Set<string>();
  private downloaded: { version: string; install: () => void } | null = null;
  private phase: UpdateState['phase'] = 'ready';

  constructor(private readonly events: EventBus) {
    events.onAny((name, payload) => {
      if (name === 'outbox:changed') trackSending(this.sending, payload as OutboxItem);
      else if (name === 'outbox:removed') this.sending.delete((payload as { id: string }).id);
      else return;
      if (this.phase === 'waiting') this.tryRestart();
    });
  }

  /** The host downloaded an update; `install` quits and installs it. A newer download while waiting replaces it. */
  ready(version: string, install: () => void): void {
    if (this.phase === 'restarting') return;
    this.downloaded = { version, install };
    this.announce();
  }

  /** The user asked to restart: now if nothing is being sent, else as soon as the last send ends. */
  restart(): UpdateState {
    if (!this.downloaded) throw failure('NOT_READY', 'reason.noUpdateReady');
    if (this.phase === 'ready') this.phase = 'waiting';
    this.tryRestart();
    return this.state();
  }

  state(): UpdateState {
    return { phase: this.phase, version: this.downloaded?.version ?? '', sending: this.sending.size };
  }

  private tryRestart(): void {
    if (!this.downloaded || this.phase !== 'waiting') return;
    if (!restartAllowed(this.sending.size)) {
      this.announce();
      return;
    }
    this.phase = 'restarting';
    this.announce();
    this.downloaded.install();
  }

  private announce(): void {
    this.events.emit('app:update', this.state());
  }
}
