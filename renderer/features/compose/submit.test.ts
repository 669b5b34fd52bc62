import { beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { fakeApi, resetStores } from '../../app/fake-api';
import { useAlertsStore } from '../../store/alerts';
import { useComposeStore } from '../../store/compose';
import { blankMessage, messageFromItem } from '../../store/draft-logic';
import { useDraftsStore } from '../../store/drafts';
import { heldItems, useOutboxStore } from '../../store/outbox';
import { toSummary } from '../../store/outbox-logic';
import { useStatusStore } from '../../store/status';
import { useSupersededStore } from '../../store/superseded';
import { useUiStore } from '../../store/ui';
import { makeAccount, makeDraft, makeItem } from '../../store/test-fixtures';
import { DEFAULT_DSN } from '../../../shared/model';
import { formatWhen, toLocalInputValue } from '../../format/time';
import { submitCompose } from './submit';

const type = (fields: Partial<ReturnType<typeof useComposeStore.getState>['fields']>) =>
  useComposeStore.setState((s) => ({ fields: { ...s.fields, ...fields } }));

beforeEach(resetStores);

describe('submitCompose', () => {
  it('refuses an invalid To without calling the core', async () => {
    const fake = fakeApi();
    type({ to: 'bob@', subject: 'Hi' });
    const outcome = await submitCompose(fake.api);
    expect(outcome).toEqual({ kind: 'refused', focus: 'to' });
    expect(fake.calls).toHaveLength(0);
    const state = useComposeStore.getState();
    expect(state.errors.to).toBe('Invalid address "bob@": missing the domain after @');
    expect(state.submitError).toContain('missing the domain after @');
    expect(state.fields.subject).toBe('Hi');
  });

  it('refuses an empty To', async () => {
    const fake = fakeApi();
    expect((await submitCompose(fake.api)).kind).toBe('refused');
    expect(fake.calls).toHaveLength(0);
    expect(useComposeStore.getState().submitError).toBe('Not sent. To: Add at least one recipient in To.');
  });

  it('submits, clears the form, keeps the delay and selects the new item', async () => {
    const item = makeItem({ id: 'item-new01' });
    const fake = fakeApi({ 'outbox.submit': () => ok(item) });
    useStatusStore.getState().setAccounts([makeAccount({ id: 'account-1', sandbox: true })]);
    type({ to: 'bob@example.test', cc: '', subject: 'Hi', text: 'Body', delay: '10' });
    const outcome = await submitCompose(fake.api);
    expect(outcome).toEqual({ kind: 'queued', id: 'item-new01' });
    expect(fake.calls).toEqual([
      { name: 'outbox.submit', request: { to: 'bob@example.test', subject: 'Hi', text: 'Body', delaySeconds: 10, dsn: DEFAULT_DSN, accountId: 'account-1' } },
    ]);
    const compose = useComposeStore.getState();
    expect(compose.fields).toEqual({ to: '', cc: '', bcc: '', subject: '', text: '', html: '', delay: '10', sendAt: '' });
    expect(compose.chips).toEqual({ to: [], cc: [], bcc: [] });
    expect(compose.open).toBe(false);
    expect(useAlertsStore.getState().alerts).toMatchObject([{ kind: 'queued', itemId: 'item-new01', text: 'Message queued.' }]);
    expect(compose.submitting).toBe(false);
    expect(heldItems(useOutboxStore.getState())).toEqual([toSummary(item)]);
    expect(useOutboxStore.getState().selectedId).toBe('item-new01');
  });

  it('sends a Send-later time as epoch ms and says when it will go', async () => {
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem({ id: 'item-later1' })) });
    const inTwoHours = new Date(Date.now() + 2 * 3600_000);
    inTwoHours.setSeconds(0, 0);
    type({ to: 'bob@example.test', subject: 'Later', sendAt: toLocalInputValue(inTwoHours.getTime()), delay: '3' });
    expect((await submitCompose(fake.api)).kind).toBe('queued');
    expect(fake.calls[0]?.request).toEqual({ to: 'bob@example.test', subject: 'Later', text: '', sendAt: inTwoHours.getTime() });
    const compose = useComposeStore.getState();
    expect(useAlertsStore.getState().alerts[0]?.text).toBe(`Message queued to send at ${formatWhen(inTwoHours.getTime(), Date.now())}.`);
    // Send later belongs to that message; the delay is kept for the next one.
    expect(compose.fields.sendAt).toBe('');
    expect(compose.fields.delay).toBe('3');
  });

  it('refuses a partly typed Send-later date instead of sending now', async () => {
    const fake = fakeApi();
    type({ to: 'bob@example.test' });
    expect(await submitCompose(fake.api, { sendAtIncomplete: true })).toEqual({ kind: 'refused', focus: 'sendAt' });
    expect(fake.calls).toHaveLength(0);
    expect(useComposeStore.getState().errors.sendAt).toBe('Enter a full date and time, or leave Send later empty.');
  });

  it('leaves the delay to the core while the settings are not known', async () => {
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem()) });
    type({ to: 'bob@example.test' });
    await submitCompose(fake.api);
    expect(fake.calls[0]?.request).toEqual({ to: 'bob@example.test', subject: '', text: '' });
  });

  it('keeps the form and shows the core error when the submit fails', async () => {
    const fake = fakeApi({ 'outbox.submit': () => err('NOT_READY', 'Recovery is still running.') });
    type({ to: 'bob@example.test', subject: 'Hi', text: 'Body' });
    expect((await submitCompose(fake.api)).kind).toBe('failed');
    const compose = useComposeStore.getState();
    expect(compose.submitError).toBe('Recovery is still running.');
    expect(compose.fields.to).toBe('bob@example.test');
    expect(compose.fields.text).toBe('Body');
    expect(compose.submitting).toBe(false);
    expect(heldItems(useOutboxStore.getState())).toEqual([]);
  });

  it('marks the field the core found invalid', async () => {
    const fake = fakeApi({
      'outbox.submit': () =>
        err('INVALID_ADDRESS_LIST', 'Invalid address "x@y.z" in cc: no such domain.', {
          invalid: [{ field: 'cc', input: 'x@y.z', reason: 'no such domain' }],
        }),
    });
    type({ to: 'bob@example.test', cc: 'x@y.z' });
    expect(await submitCompose(fake.api)).toEqual({ kind: 'failed', focus: 'cc' });
    expect(useComposeStore.getState().errors.cc).toBe('Invalid address "x@y.z": no such domain');
  });

  it('turns a thrown transport error into a shown failure', async () => {
    const fake = fakeApi({
      'outbox.submit': () => {
        throw new Error('channel closed');
      },
    });
    type({ to: 'bob@example.test' });
    expect((await submitCompose(fake.api)).kind).toBe('failed');
    expect(useComposeStore.getState().submitError).toBe('channel closed');
  });

  it('sends a message taken out of the queue with its receipts and account, then removes the cancelled original', async () => {
    const original = makeItem({ id: 'item-draft1', state: 'cancelled', accountId: 'account-9', dsn: { notify: { success: false, failure: true, delay: false }, ret: 'full' } });
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem({ id: 'item-new02' })), 'outbox.delete': ({ id }) => ok({ id }) });
    useOutboxStore.getState().upsert(original);
    useUiStore.getState().setView('drafts');
    useComposeStore.getState().load(messageFromItem(original), { origin: 'queued', sourceId: original.id, saved: false });
    expect((await submitCompose(fake.api)).kind).toBe('queued');
    expect(fake.calls[0]?.request).toMatchObject({ to: 'bob@example.test', dsn: original.dsn, accountId: 'account-9' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.calls[1]).toEqual({ name: 'outbox.delete', request: { id: 'item-draft1' } });
    expect(heldItems(useOutboxStore.getState()).map((i) => i.id)).toEqual(['item-new02']);
    expect(useComposeStore.getState().sourceId).toBeNull();
    expect(useUiStore.getState().view).toBe('outbox');
    expect(useOutboxStore.getState().selectedId).toBe('item-new02');
  });

  it('hides the original in this window when the core cannot delete it', async () => {
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem({ id: 'item-new02' })), 'outbox.delete': () => err('ILLEGAL_STATE', 'no') });
    useComposeStore.getState().load(messageFromItem(makeItem({ id: 'item-fail1', state: 'failed' })), { origin: 'queued', sourceId: 'item-fail1', saved: false });
    await submitCompose(fake.api);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useSupersededStore.getState().ids).toEqual({ 'item-fail1': true });
  });

  it('keeps the message and its original when the send fails', async () => {
    const fake = fakeApi({ 'outbox.submit': () => err('STORAGE_FAILED', 'Disk full') });
    useComposeStore.getState().load(messageFromItem(makeItem({ id: 'item-draft1', state: 'cancelled' })), { origin: 'queued', sourceId: 'item-draft1', saved: true });
    expect((await submitCompose(fake.api)).kind).toBe('failed');
    expect(useSupersededStore.getState().ids).toEqual({});
    expect(useComposeStore.getState().open).toBe(true);
    expect(useComposeStore.getState().sourceId).toBe('item-draft1');
    expect(fake.calls.map((c) => c.name)).toEqual(['outbox.submit']);
  });

  it('names the saved draft so the core deletes it with the same write', async () => {
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem({ id: 'item-new03' })) });
    useDraftsStore.getState().replace([makeDraft({ id: 'draft-0007' })]);
    useComposeStore.getState().load({ ...blankMessage, chips: { to: ['bob@example.test'], cc: [], bcc: [] } }, { origin: 'draft', draftId: 'draft-0007', saved: true });
    expect((await submitCompose(fake.api)).kind).toBe('queued');
    expect(fake.calls[0]?.request).toMatchObject({ to: 'bob@example.test', draftId: 'draft-0007' });
    expect(useDraftsStore.getState().drafts).toEqual([]);
    expect(useComposeStore.getState().draftId).toBeNull();
  });

  it('sends text typed into To but not yet a chip, after the chips', async () => {
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem()) });
    useComposeStore.getState().addChip('to', 'Ada <ada@example.test>');
    useComposeStore.getState().typeAddress('to', 'bob@example.test');
    expect((await submitCompose(fake.api)).kind).toBe('queued');
    expect(fake.calls[0]?.request).toMatchObject({ to: 'Ada <ada@example.test>, bob@example.test' });
  });

  it('sends the HTML part with margin-free paragraphs next to the plain text', async () => {
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem()) });
    type({ to: 'bob@example.test' });
    useComposeStore.getState().setBody('Hello', '<p><strong>Hello</strong></p>');
    await submitCompose(fake.api);
    expect(fake.calls[0]?.request).toMatchObject({ text: 'Hello', html: '<p style="margin:0"><strong>Hello</strong></p>' });
  });

  it('sends the stored attachments as references, without their local keys and sizes', async () => {
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem()) });
    type({ to: 'bob@example.test' });
    const sha256 = 'c'.repeat(64);
    useComposeStore.getState().attachmentsRead([{ key: 'a1', name: 'notes.txt', type: 'text/plain', size: 5, sha256 }], [], 0);
    expect((await submitCompose(fake.api)).kind).toBe('queued');
    expect(fake.calls[0]?.request).toMatchObject({ attachments: [{ name: 'notes.txt', type: 'text/plain', sha256 }] });
    expect((fake.calls[0]?.request as { attachments: object[] }).attachments[0]).toEqual({ name: 'notes.txt', type: 'text/plain', sha256 });
    expect(useComposeStore.getState().attachments).toEqual([]);
  });

  it('waits while files are still being read', async () => {
    const fake = fakeApi({ 'outbox.submit': () => ok(makeItem()) });
    type({ to: 'bob@example.test' });
    useComposeStore.getState().readingStarted(1);
    expect(await submitCompose(fake.api)).toEqual({ kind: 'busy' });
    expect(fake.calls).toHaveLength(0);
  });

  it('ignores a second Send while the first is in flight', async () => {
    let release: () => void = () => {};
    const fake = fakeApi({
      'outbox.submit': () => new Promise((resolve) => (release = () => resolve(ok(makeItem())))),
    });
    type({ to: 'bob@example.test' });
    const first = submitCompose(fake.api);
    expect(await submitCompose(fake.api)).toEqual({ kind: 'busy' });
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    release();
    expect((await first).kind).toBe('queued');
    expect(fake.calls).toHaveLength(1);
  });
});
