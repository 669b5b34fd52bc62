/**
 * Mailbox actions (read, star, move, archive, delete, junk): applied to the
 * store at once and queued in the same write, so what the window shows is
 * already durable; the replayer (replayer.ts) takes them to the server in
 * order. Opposite flag changes not yet replayed cancel out; Undo takes back a
 * queued action locally, or queues its inverse once the server had it. A
 * mailbox without a server (the local sandbox) is changed locally only.
 */
import type { FolderRole, MailActionConflict, MailActionRequest, MailActionResult, PendingActions } from '../../../shared/mail-model';
import type { Reason } from '../../../shared/errors';
import { failure } from '../../../shared/i18n/reason';
import type { Account } from '../../../shared/model';
import type { EventBus } from '../events';
import type { ActionRows } from '../mail/action-rows';
import { folderIdFor } from '../mail/ids';
import type { FolderInfo, MailCache } from '../mail/mail-cache';
import { newId } from '../outbox/ids';
import { DEFAULT_NAMES, FLAG_STEPS, TARGET_ROLES, UNDOABLE, type ActedMessage, type ServerStep, type StoredAction } from './action-model';

export interface MailActionsDeps {
  cache: MailCache;
  rows: ActionRows;
  account: (id: string) => Promise<Account>;
  events: EventBus;
  /** Something was queued for this account's server. */
  kick: (accountId: string) => void;
  now?: () => number;
}

/** Replayed actions kept per account for Undo. */
const KEEP_DONE = 20;

export class MailActions {
  private readonly conflicts = new Map<string, MailActionConflict[]>();
  private protectedIds = new Set<string>();

  constructor(private readonly deps: MailActionsDeps) {
    deps.cache.protectedIds = () => this.protectedIds;
    this.refreshProtected();
  }

  async act(request: MailActionRequest): Promise<MailActionResult> {
    const rows = [...new Set(request.ids)].map((id) => this.deps.cache.row(id));
    if (rows.some((r) => !r)) throw failure('NOT_FOUND', 'reason.noSuchMail');
    const folders = new Map(rows.map((r) => [r!.folder_id, this.deps.cache.folder(r!.folder_id)]));
    const accountIds = new Set([...folders.values()].map((f) => f?.accountId));
    if (accountIds.size !== 1 || [...folders.values()].some((f) => !f)) throw failure('INVALID_ARG', 'reason.actionOneAccount');
    const accountId = [...accountIds][0] as string;
    const account = await this.deps.account(accountId).catch(() => null);
    const local = !account?.incoming;

    const messages: ActedMessage[] = rows.map((r) => {
      const folder = folders.get(r!.folder_id)!;
      return { id: r!.id, folderId: folder.id, path: folder.path, uid: r!.uid, uidValidity: folder.uidValidity, messageId: r!.message_id, seen: r!.seen === 1, flagged: r!.flagged === 1 };
    });
    const { step, target } = await this.stepFor(request, accountId, messages, local);
    const acting = step.op === 'move' ? messages.filter((m) => m.folderId !== target?.id) : messages;
    const action: StoredAction = {
      id: newId(),
      accountId,
      kind: request.kind,
      at: (this.deps.now ?? Date.now)(),
      messages: acting,
      step,
      targetFolderId: target?.id ?? null,
      done: local ? { path: null, uids: [] } : null,
      local,
      undoes: null,
      attempts: 0,
    };
    await this.deps.rows.write(() => {
      this.applyLocally(action, local);
      const left = step.op === 'flags' && !local ? this.cancelOpposites(action) : action.messages;
      if (left.length) this.deps.rows.insert(action.id, accountId, JSON.stringify({ ...action, messages: left }));
      this.pruneDone(accountId);
    });
    if (step.op === 'expunge' && local) await this.deps.cache.removeUids(acting[0]?.folderId ?? '', acting.map((m) => m.uid));
    this.announce(action, acting);
    if (!local) this.deps.kick(accountId);
    return { actionId: action.id, kind: request.kind, count: acting.length, undoable: UNDOABLE.has(request.kind) && step.op !== 'expunge' };
  }

  async undo(actionId: string): Promise<MailActionResult> {
    const row = this.deps.rows.byId(actionId);
    if (!row) throw failure('NOT_FOUND', 'reason.actionGone');
    const action = JSON.parse(row.json) as StoredAction;
    if (action.step.op === 'expunge') throw failure('ILLEGAL_STATE', 'reason.actionNotUndoable');
    const local = action.local;
    let inverse: StoredAction | null = null;
    await this.deps.rows.write(() => {
      this.revertLocally(action, local);
      this.deps.rows.remove(action.id);
      if (action.done && !local) {
        inverse = this.inverseOf(action);
        if (inverse) this.deps.rows.insert(inverse.id, inverse.accountId, JSON.stringify(inverse));
      }
    });
    this.announce(action, action.messages, true);
    if (inverse) this.deps.kick(action.accountId);
    return { actionId: action.id, kind: action.kind, count: action.messages.length, undoable: false };
  }

  /** Every message in a Trash folder deleted for good (the window asked the user first). */
  async emptyTrash(folderId: string): Promise<{ count: number }> {
    const folder = this.deps.cache.folder(folderId);
    if (!folder) throw failure('NOT_FOUND', 'reason.noSuchFolder');
    if (folder.role !== 'trash') throw failure('INVALID_ARG', 'reason.notTrash');
    const ids = this.deps.cache.idsOf(folderId);
    if (!ids.length) return { count: 0 };
    let count = 0;
    for (let i = 0; i < ids.length; i += 5000) count += (await this.act({ kind: 'delete', ids: ids.slice(i, i + 5000) })).count;
    return { count };
  }

  pending(): PendingActions[] {
    const counts = new Map<string, number>();
    for (const row of this.deps.rows.all()) {
      const action = JSON.parse(row.json) as StoredAction;
      if (!action.done) counts.set(row.account_id, (counts.get(row.account_id) ?? 0) + 1);
    }
    for (const id of this.conflicts.keys()) counts.set(id, counts.get(id) ?? 0);
    return [...counts].map(([accountId, pending]) => ({ accountId, pending, conflicts: this.conflicts.get(accountId) ?? [] }));
  }

  dismissConflicts(accountId: string): PendingActions {
    this.conflicts.delete(accountId);
    const status = this.statusOf(accountId);
    this.deps.events.emit('mail:actions', status);
    return status;
  }

  // For the replayer.
  queued(accountId: string): StoredAction[] {
    return this.deps.rows
      .ofAccount(accountId)
      .map((r) => JSON.parse(r.json) as StoredAction)
      .filter((a) => !a.done);
  }

  accountsWithQueue(): string[] {
    return [...new Set(this.deps.rows.all().filter((r) => !(JSON.parse(r.json) as StoredAction).done).map((r) => r.account_id))];
  }

  async replayed(action: StoredAction, done: NonNullable<StoredAction['done']>): Promise<void> {
    await this.deps.rows.write(() => {
      if (this.deps.rows.byId(action.id)) this.deps.rows.update(action.id, JSON.stringify({ ...action, done }));
    });
    this.refreshProtected();
    this.deps.events.emit('mail:actions', this.statusOf(action.accountId));
  }

  async retryLater(action: StoredAction): Promise<void> {
    await this.deps.rows.write(() => {
      if (this.deps.rows.byId(action.id)) this.deps.rows.update(action.id, JSON.stringify({ ...action, attempts: action.attempts + 1 }));
    });
  }

  /** The server could not take the action (the messages are gone, a folder refused): shown once, never retried. */
  async conflict(action: StoredAction, count: number, reason: Reason, finished: boolean): Promise<void> {
    if (finished) {
      await this.deps.rows.write(() => {
        this.deps.rows.remove(action.id);
        // What the user moved away comes back if the server never moved it; the next sync says where it really is.
        for (const m of action.messages) this.deps.rows.unhide(m.id);
      });
    }
    const list = this.conflicts.get(action.accountId) ?? [];
    list.push({ actionId: action.id, accountId: action.accountId, kind: action.kind, count, at: (this.deps.now ?? Date.now)(), reason });
    this.conflicts.set(action.accountId, list.slice(-20));
    this.refreshProtected();
    this.deps.events.emit('mail:actions', this.statusOf(action.accountId));
    this.deps.events.emit('mail:folders', this.deps.cache.folders());
  }

  private statusOf(accountId: string): PendingActions {
    return this.pending().find((p) => p.accountId === accountId) ?? { accountId, pending: 0, conflicts: [] };
  }

  private async stepFor(request: MailActionRequest, accountId: string, messages: ActedMessage[], local: boolean): Promise<{ step: ServerStep; target: FolderInfo | null }> {
    const flags = FLAG_STEPS[request.kind];
    if (flags) return { step: flags, target: null };
    const own = this.deps.cache.foldersOf(accountId);
    if (request.kind === 'move') {
      const target = own.find((f) => f.id === request.folderId);
      if (!target || !target.selectable) throw failure('INVALID_ARG', 'reason.noSuchFolder');
      return { step: { op: 'move', path: target.path, role: target.role }, target };
    }
    const role = TARGET_ROLES[request.kind] as FolderRole;
    // Deleting what is already in Trash deletes it for good.
    if (request.kind === 'delete' && messages.every((m) => own.find((f) => f.id === m.folderId)?.role === 'trash')) return { step: { op: 'expunge' }, target: null };
    let target: FolderInfo | null = own.find((f) => f.role === role && f.selectable) ?? null;
    if (!target && local) {
      // The sandbox has only what it makes itself.
      const name = DEFAULT_NAMES[role] as string;
      target = { id: folderIdFor(accountId, name), accountId, path: name, name, delimiter: null, role, selectable: true };
      await this.deps.cache.setFolders(accountId, [...own, target]);
      this.deps.events.emit('mail:folders', this.deps.cache.folders());
    }
    return { step: { op: 'move', path: target?.path ?? (DEFAULT_NAMES[role] as string), role }, target };
  }

  private applyLocally(action: StoredAction, local: boolean): void {
    const { step } = action;
    for (const m of action.messages) {
      if (step.op === 'flags') this.deps.rows.setFlags(m.id, step.flag === '\\Seen' ? step.set : null, step.flag === '\\Flagged' ? step.set : null);
      else if (step.op === 'move' && local && action.targetFolderId) this.deps.rows.place(m.id, action.targetFolderId);
      else if (!local) this.deps.rows.hide(m.id, action.id);
    }
  }

  private revertLocally(action: StoredAction, local: boolean): void {
    for (const m of action.messages) {
      if (action.step.op === 'flags') this.deps.rows.setFlags(m.id, m.seen, m.flagged);
      else if (local) this.deps.rows.place(m.id, m.folderId);
      else this.deps.rows.unhide(m.id);
    }
  }

  /** Drops the messages that a queued, opposite change of the same flag already covers (both cancel); returns the rest. */
  private cancelOpposites(action: StoredAction): ActedMessage[] {
    const step = action.step as Extract<ServerStep, { op: 'flags' }>;
    const mine = new Set(action.messages.map((m) => m.id));
    const cancelled = new Set<string>();
    for (const row of this.deps.rows.ofAccount(action.accountId)) {
      const other = JSON.parse(row.json) as StoredAction;
      if (other.done || other.step.op !== 'flags' || other.step.flag !== step.flag || other.step.set === step.set) continue;
      const keep = other.messages.filter((m) => !(mine.has(m.id) && !cancelled.has(m.id) && cancelled.add(m.id)));
      if (keep.length === other.messages.length) continue;
      if (keep.length) this.deps.rows.update(other.id, JSON.stringify({ ...other, messages: keep }));
      else this.deps.rows.remove(other.id);
    }
    return action.messages.filter((m) => !cancelled.has(m.id));
  }

  /** After the server had it: the same change the other way, from where the messages are now. */
  private inverseOf(action: StoredAction): StoredAction | null {
    const base = { id: newId(), accountId: action.accountId, kind: action.kind, at: (this.deps.now ?? Date.now)(), targetFolderId: null, done: null, local: false, undoes: action.id, attempts: 0 };
    if (action.step.op === 'flags') {
      const step = action.step;
      const back = action.messages.filter((m) => (step.flag === '\\Seen' ? m.seen : m.flagged) !== step.set);
      return back.length ? { ...base, messages: back, step: { ...step, set: !step.set } } : null;
    }
    const placed = action.done?.path ? action.done : null;
    if (!placed) return null;
    const moved = action.messages
      .map((m, i) => ({ ...m, path: placed.path as string, uid: placed.uids[i] ?? -1, uidValidity: null }))
      .filter((m) => m.uid > 0);
    const home = action.messages[0];
    if (!moved.length || !home) return null;
    const role = this.deps.cache.folder(home.folderId)?.role ?? 'other';
    return { ...base, messages: moved, step: { op: 'move', path: home.path, role } };
  }

  private pruneDone(accountId: string): void {
    const done = this.deps.rows.ofAccount(accountId).filter((r) => (JSON.parse(r.json) as StoredAction).done);
    for (const r of done.slice(0, Math.max(0, done.length - KEEP_DONE))) this.deps.rows.remove(r.id);
  }

  private refreshProtected(): void {
    const ids = new Set<string>();
    for (const row of this.deps.rows.all()) {
      const action = JSON.parse(row.json) as StoredAction;
      if (!action.done && action.step.op === 'flags') for (const m of action.messages) ids.add(m.id);
    }
    this.protectedIds = ids;
  }

  private announce(action: StoredAction, messages: ActedMessage[], undone = false): void {
    this.refreshProtected();
    const byFolder = new Map<string, string[]>();
    for (const m of messages) byFolder.set(m.folderId, [...(byFolder.get(m.folderId) ?? []), m.id]);
    const moved = action.step.op !== 'flags';
    for (const [folderId, ids] of byFolder) {
      this.deps.events.emit('mail:changed', { folderId, added: moved && undone ? ids : [], updated: moved ? [] : ids, removed: moved && !undone ? ids : [] });
    }
    if (moved && action.targetFolderId) this.deps.events.emit('mail:changed', { folderId: action.targetFolderId, added: undone ? [] : messages.map((m) => m.id), updated: [], removed: undone ? messages.map((m) => m.id) : [] });
    this.deps.events.emit('mail:folders', this.deps.cache.folders());
    this.deps.events.emit('mail:actions', this.statusOf(action.accountId));
  }
}
