/** User settings, one row in the store, announced to every window when they change. */
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model';
import type { MailDatabase } from '../db/database';
import { durableWrite } from '../db/durable-write';
import type { EventBus } from '../events';

const KEY = 'app';

export class SettingsService {
  private cached: Settings | null = null;

  constructor(
    private readonly db: MailDatabase,
    private readonly events: EventBus,
  ) {}

  async get(): Promise<Settings> {
    if (!this.cached) {
      const row = await this.db.settings.get(KEY);
      // Stored rows may predate a setting: defaults fill the gaps.
      this.cached = { ...DEFAULT_SETTINGS, ...((row?.value as Partial<Settings> | undefined) ?? {}) };
    }
    return this.cached;
  }

  async update(changes: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...changes };
    await durableWrite(
      () => this.db.settings.put({ key: KEY, value: next }),
      async () => JSON.stringify((await this.db.settings.get(KEY))?.value) === JSON.stringify(next),
    );
    this.cached = next;
    this.events.emit('settings:changed', next);
    return next;
  }
}
