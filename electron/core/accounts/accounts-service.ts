/** SMTP accounts. Until the user adds one, the local sandbox is the account every message uses. */
import { AppFailure } from '../../../shared/errors';
import type { Account } from '../../../shared/model';
import type { MailDatabase } from '../db/database';
import type { EventBus } from '../events';

export const SANDBOX_ACCOUNT_ID = 'local-sandbox';

export class AccountsService {
  constructor(
    private readonly db: MailDatabase,
    private readonly events: EventBus,
  ) {}

  /** The sandbox listens on a fresh port each start; its account follows it. */
  async upsertSandbox(port: number): Promise<Account> {
    const account: Account = {
      id: SANDBOX_ACCOUNT_ID,
      name: 'Local sandbox',
      from: { name: 'You', address: 'you@sandbox.test' },
      host: '127.0.0.1',
      port,
      security: 'none',
      sandbox: true,
    };
    await this.db.accounts.put(account);
    this.events.emit('accounts:changed', await this.list());
    return account;
  }

  list(): Promise<Account[]> {
    return this.db.accounts.toArray();
  }

  async get(id: string): Promise<Account> {
    const account = await this.db.accounts.get(id);
    if (!account) throw new AppFailure('NOT_FOUND', 'That account no longer exists.');
    return account;
  }

  /** The chosen account, or the default: the first real account, else the sandbox. */
  async resolve(id: string | undefined): Promise<Account> {
    if (id) return this.get(id);
    const accounts = await this.list();
    const chosen = accounts.find((a) => !a.sandbox) ?? accounts[0];
    if (!chosen) throw new AppFailure('NOT_FOUND', 'No account is configured.');
    return chosen;
  }
}
