/**
 * Takes each account's queued mailbox actions to its IMAP server, in order, on
 * a read-write connection of its own (the sync engine keeps its read-only one
 * for IDLE). Flags are set with +FLAGS/-FLAGS and a move checks first which
 * messages are still there, so replaying an action twice changes nothing. A
 * lost line or an unreachable server is retried with growing pauses, never
 * while offline; a refusal or messages gone elsewhere become a conflict shown
 * once. After a pass the account syncs, so its lists show the server's view.
 */
import { ImapFlow } from 'imapflow';
import { reason } from '../../../shared/i18n/reason';
import type { Account } from '../../../shared/model';
import type { Logger } from '../create-core';
import { imapOptions, type ImapCredentials, type ImapTimeouts } from '../imap/imap-options';
import type { ActedMessage, StoredAction } from './action-model';
import type { MailActions } from './mail-actions';

export interface ReplayerDeps {
  actions: MailActions;
  account: (id: string) => Promise<Account>;
  credentials: (account: Account) => Promise<ImapCredentials>;
  log: Logger;
  /** The server has this account's changes: sync it. */
  replayedFor: (accountId: string) => void;
  timeouts?: ImapTimeouts;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** The server answered NO or BAD: the action cannot be done as asked. */
const refusal = (error: unknown): string | null => {
  const e = error as { responseStatus?: string; responseText?: string; serverResponseCode?: string };
  return e?.responseStatus === 'NO' || e?.responseStatus === 'BAD' ? e.responseText || e.serverResponseCode || e.responseStatus : null;
};

export class ActionReplayer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private online = true;
  private stopped = false;

  constructor(private readonly deps: ReplayerDeps) {}

  /** Replays what is queued for every account (at start, and when the network returns). */
  kickAll(): void {
    for (const id of this.deps.actions.accountsWithQueue()) this.kick(id);
  }

  kick(accountId: string): void {
    if (this.stopped || !this.online) return;
    clearTimeout(this.timers.get(accountId));
    this.timers.delete(accountId);
    if (this.running.has(accountId)) {
      this.again.add(accountId);
      return;
    }
    const run = this.replay(accountId)
      .catch((error) => this.deps.log.error(`actions ${accountId}: replay stopped`, String((error as Error)?.message ?? error)))
      .finally(() => {
        this.running.delete(accountId);
        if (this.again.delete(accountId)) this.kick(accountId);
      });
    this.running.set(accountId, run);
  }

  setOnline(online: boolean): void {
    this.online = online;
    if (online) {
      this.failures.clear();
      this.kickAll();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.allSettled([...this.running.values()]);
  }

  private async replay(accountId: string): Promise<void> {
    let queue = this.deps.actions.queued(accountId);
    if (!queue.length) return;
    const account = await this.deps.account(accountId);
    if (!account.incoming) return;
    let client: ImapFlow | null = null;
    let did = false;
    try {
      client = new ImapFlow(imapOptions(account.incoming, await this.deps.credentials(account), this.deps.timeouts));
      client.on('error', () => undefined);
      await client.connect();
      while (queue.length && !this.stopped) {
        for (const action of queue) {
          if (this.stopped || !client.usable) throw new Error('connection lost');
          await this.one(client, action);
          did = true;
        }
        queue = this.deps.actions.queued(accountId);
      }
      this.failures.delete(accountId);
    } catch (error) {
      if (this.stopped) return;
      const failures = (this.failures.get(accountId) ?? 0) + 1;
      this.failures.set(accountId, failures);
      const min = this.deps.minBackoffMs ?? 2_000;
      const delay = Math.min(this.deps.maxBackoffMs ?? 5 * 60_000, min * 2 ** (failures - 1));
      this.deps.log.error(`actions ${accountId}: server not reachable, trying again in ${Math.round(delay / 1000)} s`, String((error as Error)?.message ?? error));
      if (this.online) this.timers.set(accountId, setTimeout(() => this.kick(accountId), delay * (0.8 + 0.4 * Math.random())));
    } finally {
      // A connection that never opened (or died) is only closed: LOGOUT on it could wait for ever.
      if (client?.usable) await Promise.race([client.logout().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
      client?.close();
      if (did) this.deps.replayedFor(accountId);
    }
  }

  /** One action; throws only when the connection failed (the action stays queued). */
  private async one(client: ImapFlow, action: StoredAction): Promise<void> {
    const byPath = new Map<string, { message: ActedMessage; index: number }[]>();
    action.messages.forEach((message, index) => byPath.set(message.path, [...(byPath.get(message.path) ?? []), { message, index }]));
    const placed: (number | null)[] = action.messages.map(() => null);
    let missing = 0;
    try {
      const target = action.step.op === 'move' ? await this.ensureFolder(client, action.step.path, action.step.role) : null;
      for (const [path, entries] of byPath) {
        const lock = await client.getMailboxLock(path);
        try {
          const uids = await this.present(client, entries.map((e) => e.message));
          missing += entries.filter((e) => !uids.has(e.message)).length;
          const here = entries.filter((e) => uids.has(e.message));
          if (!here.length) continue;
          const set = here.map((e) => uids.get(e.message) as number).join(',');
          const step = action.step;
          if (step.op === 'flags') {
            if (step.set) await client.messageFlagsAdd(set, [step.flag], { uid: true });
            else await client.messageFlagsRemove(set, [step.flag], { uid: true });
          } else if (step.op === 'expunge') {
            await client.messageDelete(set, { uid: true });
          } else if (target && target !== path) {
            const moved = await client.messageMove(set, target, { uid: true });
            const map = (moved && typeof moved === 'object' && 'uidMap' in moved ? moved.uidMap : undefined) as Map<number, number> | undefined;
            for (const e of here) placed[e.index] = map?.get(uids.get(e.message) as number) ?? null;
          }
        } finally {
          lock.release();
        }
      }
    } catch (error) {
      const refused = refusal(error);
      if (refused === null) throw error;
      await this.deps.actions.conflict(action, action.messages.length, reason('reason.actionRefused', { reply: refused }), true);
      return;
    }
    if (missing === action.messages.length) {
      await this.deps.actions.conflict(action, missing, reason('reason.actionMessagesGone', { count: missing }), true);
      return;
    }
    await this.deps.actions.replayed(action, { path: action.step.op === 'move' ? action.step.path : null, uids: placed });
    if (missing) await this.deps.actions.conflict(action, missing, reason('reason.actionMessagesGone', { count: missing }), false);
  }

  /** Which of the messages the selected folder still has, by UID (by Message-ID when the folder was renumbered). */
  private async present(client: ImapFlow, messages: ActedMessage[]): Promise<Map<ActedMessage, number>> {
    const box = client.mailbox && typeof client.mailbox === 'object' ? client.mailbox : null;
    const validity = box ? Number(box.uidValidity) : null;
    const found = new Map<ActedMessage, number>();
    const byUid = messages.filter((m) => m.uidValidity === null || m.uidValidity === validity);
    if (byUid.length) {
      const there = new Set((await client.search({ uid: byUid.map((m) => m.uid).join(',') }, { uid: true })) || []);
      for (const m of byUid) if (there.has(m.uid)) found.set(m, m.uid);
    }
    for (const m of messages.filter((x) => !byUid.includes(x) && x.messageId)) {
      const hits = (await client.search({ header: { 'message-id': `<${m.messageId}>` } }, { uid: true })) || [];
      if (hits[0] !== undefined) found.set(m, hits[0]);
    }
    return found;
  }

  /** The folder a move goes to: the one with the role, else the named one, created when missing. */
  private async ensureFolder(client: ImapFlow, path: string, role: string): Promise<string> {
    const folders = await client.list();
    const special = { archive: '\\Archive', trash: '\\Trash', junk: '\\Junk' }[role];
    const exact = folders.find((f) => f.path === path);
    if (exact) return exact.path;
    const byRole = special ? folders.find((f) => f.specialUse === special) : undefined;
    if (byRole) return byRole.path;
    if (role === 'inbox') return 'INBOX';
    await client.mailboxCreate(path);
    await client.mailboxSubscribe(path).catch(() => undefined);
    return path;
  }
}
