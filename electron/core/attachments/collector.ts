/**
 * Removes attachment files nothing refers to any more (a sent message deleted,
 * a draft discarded). A file younger than the grace is kept: attachments.put
 * stores the bytes before the draft or submit that names them is written.
 * Whatever else keeps content in this folder must add its references to
 * `referenced`, or its files would be collected.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const COLLECT_GRACE_MS = 60 * 60 * 1000;

const HASH_FILE = /^[0-9a-f]{64}$/;
const TEMP_FILE = /^\.[0-9a-f]{64}\.[0-9a-f]+\.tmp$/;

/** Deletes unreferenced files older than the grace; returns the hashes removed. */
export function collectAttachments(dir: string, referenced: ReadonlySet<string>, now = Date.now(), graceMs = COLLECT_GRACE_MS): string[] {
  const removed: string[] = [];
  let folders: string[];
  try {
    folders = readdirSync(dir);
  } catch {
    return removed; // no attachment stored yet
  }
  for (const folder of folders) {
    if (!/^[0-9a-f]{2}$/.test(folder)) continue;
    for (const name of readdirSync(join(dir, folder))) {
      const path = join(dir, folder, name);
      const hash = HASH_FILE.test(name) ? name : null;
      // A temporary file left by a crash mid-write is garbage once old; anything else we did not make is left alone.
      if (hash === null && !TEMP_FILE.test(name)) continue;
      if (hash !== null && referenced.has(hash)) continue;
      const stat = lstatSync(path);
      if (!stat.isFile() || now - stat.mtimeMs < graceMs) continue;
      rmSync(path, { force: true });
      if (hash) removed.push(hash);
    }
  }
  return removed;
}

/** Every content hash in the outbox's items, drafts and quarantined rows (a damaged row may still name its files). */
export function outboxReferences(sources: { items: () => { attachments: { sha256: string }[] }[]; drafts: () => { attachments: { sha256: string }[] }[]; quarantined: () => unknown[] }): Set<string> {
  const found = new Set<string>();
  for (const entry of [...sources.items(), ...sources.drafts()]) for (const a of entry.attachments ?? []) found.add(a.sha256);
  for (const row of sources.quarantined()) for (const match of JSON.stringify(row).matchAll(/[0-9a-f]{64}/g)) found.add(match[0]);
  return found;
}
