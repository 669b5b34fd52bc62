import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { answerConfirm, fakeApi, resetStores } from '../../app/fake-api';
import { useAlertsStore } from '../../store/alerts';
import { useComposeStore } from '../../store/compose';
import { useConfirmStore } from '../../store/confirm';
import { useDraftsStore } from '../../store/drafts';
import { heldItems, useOutboxStore } from '../../store/outbox';
import { makeDraft, makeItem } from '../../store/test-fixtures';
import { deleteDraft, discardCompose, openDraft } from './drafts-actions';

beforeEach(resetStores);

describe('openDraft', () => {
  it('fills Compose from the draft, as a saved draft', async () => {
    useDraftsStore.getState().replace([makeDraft({ id: 'draft-0001', to: 'a@x.test, "Lee, Ann" <ann@x.test>', html: '<p><strong>b</strong></p>', text: 'b' })]);
    expect(await openDraft('draft-0001')).toBe(true);
    const s = useComposeStore.getState();
    expect(s).toMatchObject({ open: true, origin: 'draft', draftId: 'draft-0001' });
    expect(s.chips.to).toEqual(['a@x.test', '"Lee, Ann" <ann@x.test>']);
    expect(s.fields).toMatchObject({ subject: 'Draft subject', html: '<p><strong>b</strong></p>', text: 'b' });
    expect(s.contentVersion).toBe(s.savedVersion);
  });
  it('keeps Compose’s own copy when it already holds that draft', async () => {
    useDraftsStore.getState().replace([makeDraft({ id: 'draft-0001' })]);
    await openDraft('draft-0001');
    useComposeStore.getState().setField('subject', 'Newer');
    useComposeStore.getState().close();
    await openDraft('draft-0001');
    expect(useComposeStore.getState().fields.subject).toBe('Newer');
  });
});

describe('deleteDraft', () => {
  it('asks, deletes, and clears Compose when it held that draft', async () => {
    const fake = fakeApi({ 'drafts.delete': ({ id }) => ok({ id }) });
    useDraftsStore.getState().replace([makeDraft({ id: 'draft-0001' })]);
    await openDraft('draft-0001');
    const done = deleteDraft(fake.api, 'draft-0001');
    await answerConfirm(true);
    expect(await done).toBe(true);
    expect(fake.calls).toEqual([{ name: 'drafts.delete', request: { id: 'draft-0001' } }]);
    expect(useDraftsStore.getState().drafts).toEqual([]);
    expect(useComposeStore.getState().draftId).toBeNull();
    expect(useComposeStore.getState().fields.subject).toBe('');
  });
  it('does nothing when the user says no', async () => {
    const fake = fakeApi();
    useDraftsStore.getState().replace([makeDraft({ id: 'draft-0001' })]);
    const done = deleteDraft(fake.api, 'draft-0001');
    await answerConfirm(false);
    expect(await done).toBe(false);
    expect(fake.calls).toEqual([]);
  });
  it('says why when the core refuses', async () => {
    const fake = fakeApi({ 'drafts.delete': () => err('STORAGE_FAILED', 'Disk full') });
    useDraftsStore.getState().replace([makeDraft({ id: 'draft-0001', subject: 'Plans' })]);
    const done = deleteDraft(fake.api, 'draft-0001');
    await answerConfirm(true);
    expect(await done).toBe(false);
    expect(useAlertsStore.getState().alerts[0]?.text).toBe('Could not delete the draft “Plans”: Disk full');
    expect(useDraftsStore.getState().drafts).toHaveLength(1);
  });
});

describe('discardCompose', () => {
  it('closes a blank message without asking', async () => {
    useComposeStore.getState().openNew();
    expect(await discardCompose(fakeApi().api)).toBe(true);
    expect(useConfirmStore.getState().request).toBeNull();
    expect(useComposeStore.getState().open).toBe(false);
  });
  it('asks, then deletes the draft and forgets the message', async () => {
    const fake = fakeApi({ 'drafts.delete': ({ id }) => ok({ id }) });
    useDraftsStore.getState().replace([makeDraft({ id: 'draft-0001' })]);
    await openDraft('draft-0001');
    const done = discardCompose(fake.api);
    await answerConfirm(true);
    expect(await done).toBe(true);
    expect(fake.calls.map((c) => c.name)).toEqual(['drafts.delete']);
    expect(useComposeStore.getState()).toMatchObject({ open: false, draftId: null });
  });
  it('deletes the cancelled original of a message taken from the queue and not saved yet', async () => {
    const fake = fakeApi({ 'outbox.delete': ({ id }) => ok({ id }) });
    const item = makeItem({ id: 'item-can01', state: 'cancelled' });
    useOutboxStore.getState().upsert(item);
    useComposeStore.getState().load({ chips: { to: ['a@x.test'], cc: [], bcc: [] }, subject: '', text: '', html: '', attachments: [], accountId: null, dsn: null }, { origin: 'queued', sourceId: item.id, saved: true });
    const done = discardCompose(fake.api);
    await answerConfirm(true);
    await done;
    expect(fake.calls).toEqual([{ name: 'outbox.delete', request: { id: 'item-can01' } }]);
    expect(heldItems(useOutboxStore.getState())).toEqual([]);
  });
});
