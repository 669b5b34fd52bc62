import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../shared/errors';
import type { Draft, DraftSave } from '../../../shared/model';
import { fakeApi, resetStores, type FakeApi } from '../../app/fake-api';
import { useComposeStore } from '../../store/compose';
import { messageFromItem } from '../../store/draft-logic';
import { useDraftsStore } from '../../store/drafts';
import { heldItems, useOutboxStore } from '../../store/outbox';
import { makeItem } from '../../store/test-fixtures';
import { AUTOSAVE_DELAY_MS, settleDrafts, startAutosave } from './autosave';

const compose = () => useComposeStore.getState();
let stop: () => void = () => {};
let saved: DraftSave[] = [];

function savingApi(extra: Parameters<typeof fakeApi>[0] = {}): FakeApi {
  let n = 0;
  return fakeApi({
    'drafts.save': (request) => {
      saved.push(request);
      const draft: Draft = { id: request.id ?? `draft-000${++n}`, updatedAt: Date.now(), ...request, attachments: [] };
      return ok(draft);
    },
    ...extra,
  });
}

beforeEach(() => {
  resetStores();
  saved = [];
  vi.useFakeTimers();
});

afterEach(async () => {
  stop();
  await settleDrafts();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves 1.2 s after the last change, with the chips and what is still typed', async () => {
    const fake = savingApi();
    stop = startAutosave(fake.api);
    compose().openNew();
    compose().addChip('to', 'ada@example.test');
    compose().typeAddress('to', 'bo');
    await vi.advanceTimersByTimeAsync(1000);
    compose().setField('subject', 'Plans');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ to: 'ada@example.test, bo', cc: '', bcc: '', subject: 'Plans', text: '', attachments: [] }]);
    expect(compose().draftId).toBe('draft-0001');
    expect(compose().draftStatus.kind).toBe('saved');
    expect(useDraftsStore.getState().drafts.map((d) => d.id)).toEqual(['draft-0001']);
    // The next save updates the same draft.
    compose().setField('subject', 'Plans, v2');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(saved[1]).toMatchObject({ id: 'draft-0001', subject: 'Plans, v2' });
  });

  it('saves at once when Compose closes, and not a blank message', async () => {
    const fake = savingApi();
    stop = startAutosave(fake.api);
    compose().openNew();
    compose().close();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(saved).toEqual([]);
    compose().openNew();
    compose().setBody('Half a thought', '');
    compose().close();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toMatchObject([{ text: 'Half a thought' }]);
  });

  it('saves again after a save when the message changed meanwhile', async () => {
    let answer: () => void = () => {};
    const fake = fakeApi({
      'drafts.save': (request) =>
        new Promise((resolve) => {
          saved.push(request);
          answer = () => resolve(ok({ id: 'draft-0001', updatedAt: 1, ...request, attachments: [] }));
        }),
    });
    stop = startAutosave(fake.api);
    compose().setField('subject', 'One');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    compose().setField('subject', 'Two');
    answer();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    answer();
    await settleDrafts();
    expect(saved.map((r) => [r.id, r.subject])).toEqual([
      [undefined, 'One'],
      ['draft-0001', 'Two'],
    ]);
    expect(compose().contentVersion).toBe(compose().savedVersion);
  });

  it('turns a message taken out of the queue into a draft at once, then deletes the cancelled original', async () => {
    const item = makeItem({ id: 'item-can01', state: 'cancelled', html: '<p><em>Hi</em></p>', attachments: [{ name: 'a.txt', type: 'text/plain', size: 3, sha256: 'e'.repeat(64) }] });
    const fake = savingApi({ 'outbox.delete': ({ id }) => ok({ id }) });
    useOutboxStore.getState().upsert(item);
    stop = startAutosave(fake.api);
    compose().load(messageFromItem(item), { origin: 'queued', sourceId: item.id, saved: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toMatchObject([{ html: '<p><em>Hi</em></p>', attachments: [{ name: 'a.txt', type: 'text/plain', sha256: 'e'.repeat(64) }], dsn: item.dsn, accountId: item.accountId }]);
    expect(fake.calls.map((c) => c.name)).toEqual(['drafts.save', 'outbox.delete']);
    expect(heldItems(useOutboxStore.getState())).toEqual([]);
    expect(compose().sourceId).toBeNull();
  });

  it('keeps a failed original until its replacement is queued', async () => {
    const item = makeItem({ id: 'item-fail1', state: 'failed' });
    const fake = savingApi();
    useOutboxStore.getState().upsert(item);
    stop = startAutosave(fake.api);
    compose().load(messageFromItem(item), { origin: 'queued', sourceId: item.id, saved: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls.map((c) => c.name)).toEqual(['drafts.save']);
    expect(compose().sourceId).toBe('item-fail1');
  });

  it('says when a save fails, and tries again on the next change', async () => {
    let fail = true;
    const fake = fakeApi({ 'drafts.save': (request) => (fail ? err('STORAGE_FAILED', 'Disk full') : ok({ id: 'draft-0001', updatedAt: 1, ...request, attachments: [] })) });
    stop = startAutosave(fake.api);
    compose().setField('subject', 'x');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(compose().draftStatus).toEqual({ kind: 'failed', message: 'The draft could not be saved: Disk full' });
    fail = false;
    compose().setField('subject', 'xy');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(compose().draftStatus.kind).toBe('saved');
  });

  it('does not save while a message is being sent', async () => {
    const fake = savingApi();
    stop = startAutosave(fake.api);
    compose().setField('subject', 'x');
    compose().submitStarted();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(saved).toEqual([]);
  });
});
