/**
 * One folder brought up to date on an open connection: UIDVALIDITY checked
 * (a new one voids the folder's cache), messages the server has and we lack
 * fetched as headers + flags + structure in batches (each batch committed, so
 * a line dropped mid-sync resumes where it stopped, without twins or gaps),
 * messages gone removed, flags refreshed — only what changed since the last
 * HIGHESTMODSEQ when the server has CONDSTORE.
 */
import type { ImapFlow, MailboxObject } from 'imapflow';
import type { MailChanged } from '../../../shared/mail-model';
import type { FolderInfo, FolderState, MailCache } from '../mail/mail-cache';
import { isFirstSync } from '../mail/new-mail';
import { HEADER_QUERY, flagsOf, newMessageOf } from './fetched-message';

export const HEADER_BATCH = 1000;

export interface FolderSyncHooks {
  changed(change: MailChanged): void;
  /** Headers stored so far of those the server reported, for this folder. */
  progress(done: number, total: number): void;
  /** Messages that came in since the folder's last finished sync (never called on its first sync or after renumbering). */
  arrived?(ids: string[]): void;
}

/** The server renumbered the folder while we were reading it: start the folder over. */
export class UidValidityChanged extends Error {}

/** Runs `fn` with the folder selected read-only; the lock is held only as long as `fn`, so a reader's fetch can go in between batches. */
export async function withFolder<T>(client: ImapFlow, path: string, fn: (box: MailboxObject) => Promise<T>): Promise<T> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    return await fn(client.mailbox as MailboxObject);
  } finally {
    lock.release();
  }
}

export async function syncFolder(client: ImapFlow, cache: MailCache, folder: FolderInfo, hooks: FolderSyncHooks): Promise<void> {
  const stored = cache.folder(folder.id);
  const before: FolderState = stored ?? { uidValidity: null, uidNext: null, highestModseq: null };
  const condstore = client.enabled.has('CONDSTORE') || client.enabled.has('QRESYNC') || client.capabilities.has('CONDSTORE');

  const opening = await withFolder(client, folder.path, async (box) => {
    const uidValidity = Number(box.uidValidity);
    let reset = false;
    if (before.uidValidity !== null && before.uidValidity !== uidValidity) {
      const removed = await cache.resetFolder(folder.id, uidValidity);
      if (removed.length) hooks.changed({ folderId: folder.id, added: [], updated: [], removed });
      reset = true;
    }
    const serverUids = box.exists ? ((await client.search({ all: true }, { uid: true })) || []) : [];
    return { uidValidity, reset, serverUids, box: { uidNext: box.uidNext, highestModseq: box.highestModseq, noModseq: box.noModseq } };
  });

  const { uidValidity } = opening;
  const known = new Set(cache.uidsOf(folder.id));
  const onServer = new Set(opening.serverUids);
  const gone = [...known].filter((uid) => !onServer.has(uid));
  if (gone.length) {
    const removed = await cache.removeUids(folder.id, gone);
    if (removed.length) hooks.changed({ folderId: folder.id, added: [], updated: [], removed });
  }

  // Newest first, so the top of the list fills before the rest.
  const missing = opening.serverUids.filter((uid) => !known.has(uid)).sort((a, b) => b - a);
  let done = opening.serverUids.length - missing.length;
  hooks.progress(done, opening.serverUids.length);
  // The next batch is fetched while the previous one is written and flushed; writes stay in order.
  let writing: Promise<void> = Promise.resolve();
  const arrived: string[] = [];
  for (let i = 0; i < missing.length; i += HEADER_BATCH) {
    const batch = missing.slice(i, i + HEADER_BATCH);
    const wanted = new Set(batch);
    const fetched = await withFolder(client, folder.path, async (box) => {
      if (Number(box.uidValidity) !== uidValidity) throw new UidValidityChanged(folder.path);
      return client.fetchAll(uidSet(batch), HEADER_QUERY, { uid: true });
    });
    await writing;
    writing = cache.addMessages(folder.id, uidValidity, fetched.filter((m) => wanted.has(m.uid)).map(newMessageOf)).then((added) => {
      if (added.length) hooks.changed({ folderId: folder.id, added, updated: [], removed: [] });
      arrived.push(...added);
      done += batch.length;
      hooks.progress(done, opening.serverUids.length);
    });
  }
  await writing;

  // Flags of messages we had before this run; new ones came with theirs.
  const hadBefore = [...known].filter((uid) => onServer.has(uid));
  if (hadBefore.length && !opening.reset) {
    const since = condstore && !opening.box.noModseq && before.highestModseq ? BigInt(before.highestModseq) : undefined;
    const flagged = await withFolder(client, folder.path, () =>
      client.fetchAll('1:*', { uid: true, flags: true }, since !== undefined ? { uid: true, changedSince: since } : { uid: true }),
    );
    const updated = await cache.updateFlags(
      folder.id,
      flagged.map((m) => ({ uid: m.uid, flags: flagsOf(m.flags), modseq: m.modseq?.toString() ?? null })),
    );
    if (updated.length) hooks.changed({ folderId: folder.id, added: [], updated, removed: [] });
  }

  await cache.setFolderState(folder.id, {
    uidValidity,
    uidNext: opening.box.uidNext ?? null,
    highestModseq: opening.box.highestModseq !== undefined ? opening.box.highestModseq.toString() : null,
  });
  // Told only once the folder's state is stored: a sync cut short stays a first sync after a restart.
  if (arrived.length && !isFirstSync(stored, opening.reset)) hooks.arrived?.(arrived);
}

/** A UID set in IMAP's compact form: runs become "a:b". */
export function uidSet(uids: readonly number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
