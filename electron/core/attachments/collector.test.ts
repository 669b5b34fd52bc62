/**
 * The collector on a real attachment folder and a real core: files no message,
 * draft or quarantined row names are removed once older than the grace; a
 * referenced file, a fresh one, and anything not ours stay.
 */
import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';
import { AttachmentStore } from './attachment-store';
import { collectAttachments, COLLECT_GRACE_MS, outboxReferences } from './collector';

const age = (path: string, ms: number) => {
  const then = (Date.now() - ms) / 1000;
  utimesSync(path, then, then);
};

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('collectAttachments', () => {
  it('removes old unreferenced files and crash leftovers, keeps referenced, fresh and foreign ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-attachments-'));
    const store = new AttachmentStore(dir);
    const kept = store.put(Buffer.from('kept'));
    const orphan = store.put(Buffer.from('orphan'));
    const fresh = store.put(Buffer.from('fresh'));
    const leftover = join(dir, orphan.slice(0, 2), `.${orphan}.abcd1234.tmp`);
    writeFileSync(leftover, 'half');
    const foreign = join(dir, kept.slice(0, 2), 'notes.txt');
    writeFileSync(foreign, 'not ours');
    for (const path of [store.pathOf(kept), store.pathOf(orphan), leftover, foreign]) age(path, 2 * COLLECT_GRACE_MS);

    expect(collectAttachments(dir, new Set([kept]))).toEqual([orphan]);
    expect(store.has(kept)).toBe(true);
    expect(store.has(orphan)).toBe(false);
    expect(store.has(fresh)).toBe(true);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
  });

  it('a file stays while a message or draft names it, and goes once both are deleted', async () => {
    core = await startTestCore();
    const dir = join(core.userDataDir, 'attachments');
    const file = { name: 'notes.txt', type: 'text/plain', contentBase64: Buffer.from('attached bytes').toString('base64') };
    const item = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'with a file', text: 'hi', attachments: [file] });
    const sha = item.attachments[0]!.sha256;
    const draft = await core.call<{ id: string }>('drafts.save', { to: '', cc: '', bcc: '', subject: 'draft', text: '', attachments: [{ name: 'notes.txt', type: 'text/plain', sha256: sha }] });
    const path = join(dir, sha.slice(0, 2), sha);
    age(path, 2 * COLLECT_GRACE_MS);
    const references = () => outboxReferences({ items: () => core!.store.listItems(), drafts: () => core!.store.listDrafts(), quarantined: () => core!.store.listQuarantine() });

    await core.waitForState(item.id, 'sent');
    expect(collectAttachments(dir, references())).toEqual([]);
    await core.call('outbox.delete', { id: item.id });
    expect(collectAttachments(dir, references())).toEqual([]);
    await core.call('drafts.delete', { id: draft.id });
    expect(collectAttachments(dir, references())).toEqual([sha]);
    expect(existsSync(path)).toBe(false);
  });
});
