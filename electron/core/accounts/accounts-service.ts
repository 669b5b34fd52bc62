/**
 * SMTP accounts. Until the user adds one, the local sandbox is the account
 * every message uses. Passwords and tokens are sealed by the SecretBox and kept
 * apart from the account row, which is what the renderer gets to see.
 */
import type { Transaction } from 'dexie';
import { addressProblem, normalizeAddress } from '../../../shared/address';
import { failure } from '../../../shared/i18n/reason';
import { DEFAULT_DSN, type Account, type AccountInput } from '../../../shared/model';
import type { MailDatabase } from '../db/database';
import { durableWrite } from '../db/durable-write';
import type { EventBus } from '../events';
import { newId } from '../outbox/ids';
import type { SecretBox } from '../secrets/secret-box';
import type { SettingsService } from '../settings/settings-service';
import { probeImapCertificate } from '../imap/imap-certificate-probe';
import { probeCertificate } from '../smtp/certificate-probe';
import { sameFingerprint, type Credentials } from '../smtp/connection-options';

export const SANDBOX_ACCOUNT_ID = 'local-sandbox';

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

export class AccountsService {
  constructor(
    private readonly db: MailDatabase,
    private readonly events: EventBus,
    private readonly secrets: SecretBox,
    private readonly settings: SettingsService,
    /** Messages of this account still queued, deferred or being sent. */
    private readonly unsentCount: (accountId: string) => number,
  ) {
    // Every write to the table, whoever makes it, empties the cache, once when it is made and once when it commits.
    const changed = (transaction: Transaction) => {
      this.forget();
      transaction.on('complete', () => this.forget());
    };
    db.accounts.hook('creating', (_key, _obj, transaction) => changed(transaction));
    db.accounts.hook('updating', (_mods, _key, _obj, transaction) => changed(transaction));
    db.accounts.hook('deleting', (_key, _obj, transaction) => changed(transaction));
  }

  /** Accounts by id: the spooler asks for one at every attempt, and a read through the store costs more than a send. */
  private readonly cache = new Map<string, Promise<Account>>();

  private forget(): void {
    this.cache.clear();
  }

  /** This run's login to the local sandbox, and the port it belongs to: held in memory only, never sealed or stored. */
  private sandboxLogin: { port: number; credentials: Credentials } | undefined;

  /** The sandbox listens on a fresh port, with a fresh password, each start; its account follows it. */
  async upsertSandbox(port: number, login?: Credentials): Promise<Account> {
    this.sandboxLogin = login ? { port, credentials: login } : undefined;
    const account: Account = {
      id: SANDBOX_ACCOUNT_ID,
      name: 'Local sandbox',
      from: { name: 'You', address: 'you@sandbox.test' },
      host: '127.0.0.1',
      port,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      hasSecret: false,
      trustedCertificate: null,
      dsn: DEFAULT_DSN,
      sandbox: true,
      incoming: null,
      readReceipts: 'ask',
      signature: null,
    };
    await durableWrite(
      () => this.db.accounts.put(account),
      async () => (await this.db.accounts.get(account.id))?.port === port,
    );
    await this.announce();
    return account;
  }

  async list(): Promise<Account[]> {
    return (await this.db.accounts.toArray()).map(withDefaults);
  }

  get(id: string): Promise<Account> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const read = this.db.accounts.get(id).then((account) => {
      if (!account) throw failure('NOT_FOUND', 'reason.noSuchAccount');
      return withDefaults(account);
    });
    // Shared by every caller while it runs; a failed read is not kept. A write empties the cache (see the constructor).
    this.cache.set(id, read);
    read.catch(() => this.cache.get(id) === read && this.cache.delete(id));
    return read;
  }

  /** The chosen account, or the default: the one set in Settings, else the first real account, else the sandbox. */
  async resolve(id: string | undefined): Promise<Account> {
    if (id) return this.get(id);
    const accounts = await this.list();
    const preferred = (await this.settings.get()).defaultAccountId;
    const chosen = accounts.find((a) => a.id === preferred) ?? accounts.find((a) => !a.sandbox) ?? accounts[0];
    if (!chosen) throw failure('NOT_FOUND', 'reason.noAccount');
    return chosen;
  }

  async save(input: AccountInput): Promise<Account> {
    const previous = input.id ? await this.get(input.id) : null;
    if (previous?.sandbox) throw failure('ILLEGAL_STATE', 'reason.sandboxFixed');
    const problem = addressProblem(input.fromAddress);
    if (problem) throw failure('INVALID_ADDRESS_LIST', 'reason.senderInvalid', { why: problem });
    if (input.security === 'none' && !LOOPBACK.test(input.host)) {
      throw failure('INVALID_ARG', 'reason.plainOnlyLocal');
    }
    const mechanism = input.auth.mechanism;
    if (mechanism !== 'none' && !input.auth.username) throw failure('INVALID_ARG', 'reason.needUser');
    const sealed = this.sealSecret(input.secret);
    // A stored secret belongs to the server and login it was entered for: another one must be given it again.
    const sameLogin = previous !== null && sameEndpoint(previous, input) && previous.auth.username === input.auth.username;
    const keepsSecret = input.secret === undefined && previous?.hasSecret === true && sameLogin;
    const hasSecret = mechanism !== 'none' && (sealed !== null || keepsSecret);
    if (mechanism !== 'none' && !hasSecret) {
      if (previous?.hasSecret && input.secret === undefined) throw failure('INVALID_ARG', 'reason.secretForNewServer');
      throw failure('INVALID_ARG', mechanism === 'xoauth2' ? 'reason.needToken' : 'reason.needPassword');
    }
    const sameServer = previous && previous.host === input.host && previous.port === input.port;
    const incoming = this.incomingFrom(input, previous);
    const account: Account = {
      id: previous?.id ?? newId(),
      name: input.name,
      from: input.fromName ? { name: input.fromName, address: normalizeAddress(input.fromAddress) } : { address: normalizeAddress(input.fromAddress) },
      host: input.host,
      port: input.port,
      security: input.security,
      auth: { mechanism, username: mechanism === 'none' ? '' : input.auth.username },
      hasSecret,
      // A pinned certificate belongs to the server it came from.
      trustedCertificate: sameServer ? previous.trustedCertificate : null,
      dsn: input.dsn ?? previous?.dsn ?? DEFAULT_DSN,
      sandbox: false,
      incoming: incoming.account,
      readReceipts: input.readReceipts ?? previous?.readReceipts ?? 'ask',
      signature: input.signature === undefined ? (previous?.signature ?? null) : input.signature,
    };
    // A new account must not become the default behind the user's back (with none chosen, the default
    // is the first real account): the one in use now is pinned, and Make default is how it changes.
    if (!previous && (await this.settings.get()).defaultAccountId === undefined) {
      await this.settings.update({ defaultAccountId: (await this.resolve(undefined)).id });
    }
    await durableWrite(
      () =>
        this.db.transaction('rw', this.db.accounts, this.db.secrets, async () => {
          await this.db.accounts.put(account);
          if (sealed !== null) await this.db.secrets.put({ accountId: account.id, sealed });
          else if (!hasSecret) await this.db.secrets.delete(account.id);
          if (incoming.sealed !== null) await this.db.secrets.put({ accountId: incomingSecretKey(account.id), sealed: incoming.sealed });
          else if (!incoming.account?.hasSecret) await this.db.secrets.delete(incomingSecretKey(account.id));
        }),
      async () => (await this.db.accounts.get(account.id))?.hasSecret === hasSecret,
    );
    await this.announce();
    return account;
  }

  async remove(id: string): Promise<Account[]> {
    const account = await this.get(id);
    if (account.sandbox) throw failure('ILLEGAL_STATE', 'reason.sandboxKept');
    const waiting = this.unsentCount(id);
    if (waiting) throw failure('ILLEGAL_STATE', 'reason.accountHasWaiting', { count: waiting });
    await durableWrite(
      () =>
        this.db.transaction('rw', this.db.accounts, this.db.secrets, async () => {
          await this.db.accounts.delete(id);
          await this.db.secrets.delete(id);
          await this.db.secrets.delete(incomingSecretKey(id));
        }),
      async () => (await this.db.accounts.get(id)) === undefined && (await this.db.secrets.get(id)) === undefined,
    );
    if ((await this.settings.get()).defaultAccountId === id) await this.settings.update({ defaultAccountId: undefined });
    return this.announce();
  }

  /** What the transport logs in with; undefined for accounts without login. */
  async credentialsFor(account: Account): Promise<Credentials | undefined> {
    // Like any secret, the sandbox's goes only to the server it was made for.
    if (account.sandbox) return this.sandboxLogin && account.host === '127.0.0.1' && account.port === this.sandboxLogin.port ? this.sandboxLogin.credentials : undefined;
    if (account.auth.mechanism === 'none') return undefined;
    const row = await this.db.secrets.get(account.id);
    if (!row) throw failure('AUTH_FAILED', 'reason.noSecretStored');
    return { mechanism: account.auth.mechanism, user: account.auth.username, secret: this.secrets.open(row.sealed) };
  }

  /** What the IMAP client logs in with. */
  async incomingCredentialsFor(account: Account): Promise<{ user: string; pass: string }> {
    if (!account.incoming) throw failure('ILLEGAL_STATE', 'reason.noIncoming');
    const row = await this.db.secrets.get(incomingSecretKey(account.id));
    if (!row) throw failure('AUTH_FAILED', 'reason.noSecretStored');
    return { user: account.incoming.username, pass: this.secrets.open(row.sealed) };
  }

  /** The IMAP half as the input asks: kept when omitted, removed when null, else checked and its secret sealed. */
  private incomingFrom(input: AccountInput, previous: Account | null): { account: Account['incoming']; sealed: string | null } {
    if (input.incoming === undefined) return { account: previous?.incoming ?? null, sealed: null };
    if (input.incoming === null) return { account: null, sealed: null };
    const next = input.incoming;
    if (next.security === 'none' && !LOOPBACK.test(next.host)) throw failure('INVALID_ARG', 'reason.plainOnlyLocal');
    if (!next.username) throw failure('INVALID_ARG', 'reason.needUser');
    const before = previous?.incoming ?? null;
    const sealed = this.sealSecret(next.secret);
    const sameLogin = before !== null && sameEndpoint(before, next) && before.username === next.username;
    const keepsSecret = next.secret === undefined && before?.hasSecret === true && sameLogin;
    if (sealed === null && !keepsSecret) throw failure('INVALID_ARG', before?.hasSecret && next.secret === undefined ? 'reason.secretForNewServer' : 'reason.needPassword');
    const sameServer = before !== null && before.host === next.host && before.port === next.port;
    return {
      account: {
        host: next.host,
        port: next.port,
        security: next.security,
        username: next.username,
        hasSecret: true,
        trustedCertificate: sameServer ? before.trustedCertificate : null,
        sentCopy: next.sentCopy ?? before?.sentCopy ?? 'auto',
        draftsOnServer: next.draftsOnServer ?? before?.draftsOnServer ?? false,
      },
      sealed,
    };
  }

  /** Pins the certificate the server presents now, if it is the one the user was shown. */
  async trustCertificate(id: string, sha256: string): Promise<Account> {
    const account = await this.get(id);
    if (account.security === 'none') throw failure('ILLEGAL_STATE', 'reason.noTls');
    const presented = await probeCertificate(account).catch((error: unknown) => {
      throw failure('TLS_FAILED', 'reason.certUnreachable', { detail: error instanceof Error ? error.message : String(error) });
    });
    if (!sameFingerprint(presented.sha256, sha256)) {
      throw failure('TLS_FAILED', 'reason.certChanged', { sha256: presented.sha256 }, { sha256: presented.sha256 });
    }
    const trusted: Account = { ...account, trustedCertificate: { sha256: presented.sha256, pem: presented.pem } };
    await durableWrite(
      () => this.db.accounts.put(trusted),
      async () => (await this.db.accounts.get(id))?.trustedCertificate?.sha256 === presented.sha256,
    );
    await this.announce();
    return trusted;
  }

  // accounts-in: the incoming half's certificate, pinned the same way as the outgoing one's.
  /** Pins the certificate the IMAP server presents now, if it is the one the user was shown. */
  async trustIncomingCertificate(id: string, sha256: string): Promise<Account> {
    const account = await this.get(id);
    if (!account.incoming) throw failure('ILLEGAL_STATE', 'reason.noIncoming');
    if (account.incoming.security === 'none') throw failure('ILLEGAL_STATE', 'reason.noTls');
    const presented = await probeImapCertificate(account.incoming).catch((error: unknown) => {
      throw failure('TLS_FAILED', 'reason.certUnreachable', { detail: error instanceof Error ? error.message : String(error) });
    });
    if (!sameFingerprint(presented.sha256, sha256)) {
      throw failure('TLS_FAILED', 'reason.certChanged', { sha256: presented.sha256 }, { sha256: presented.sha256 });
    }
    const trusted: Account = { ...account, incoming: { ...account.incoming, trustedCertificate: { sha256: presented.sha256, pem: presented.pem } } };
    await this.db.accounts.put(trusted);
    await this.announce();
    return trusted;
  }

  private sealSecret(secret: string | undefined): string | null {
    if (!secret) return null;
    const reason = this.secrets.unavailableReason();
    if (reason) throw failure('NO_SECURE_STORAGE', 'reason.noSecureStorage', { detail: reason });
    return this.secrets.seal(secret);
  }

  private async announce(): Promise<Account[]> {
    const accounts = await this.list();
    this.events.emit('accounts:changed', accounts);
    return accounts;
  }
}

/** The incoming half's secret is kept apart from the outgoing one, under its own key. */
const incomingSecretKey = (accountId: string): string => `${accountId}:incoming`;

type Endpoint = Pick<Account, 'host' | 'port' | 'security'>;

/** Host names compare without case: the same server however it is typed. */
const sameEndpoint = (a: Endpoint, b: Endpoint): boolean =>
  a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.security === b.security;

/** Rows written before accounts had an incoming half read as send-only accounts. */
const withDefaults = (row: Account): Account => ({ ...row, incoming: row.incoming ?? null });
