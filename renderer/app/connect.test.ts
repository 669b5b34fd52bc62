import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../shared/errors';
import type { OutboxItem, TranscriptEntry } from '../../shared/model';
import { useAlertsStore } from '../store/alerts';
import { useComposeStore } from '../store/compose';
import { useDraftsStore } from '../store/drafts';
import { useOutboxStore } from '../store/outbox';
import { useSandboxStore } from '../store/sandbox';
import { useSettingsStore } from '../store/settings';
import { onlineText } from '../store/status-logic';
import { useStatusStore } from '../store/status';
import { useTranscriptStore } from '../store/transcript';
import { useUiStore } from '../store/ui';
import { makeDraft, makeEntry, makeItem, makeSandboxMessage, makeStatus } from '../store/test-fixtures';
import { openMessage } from '../features/reader/reader-actions';
import { connectStores } from './connect';
import { fakeApi, flush, resetStores, type FakeApi, type Handlers } from './fake-api';
import { outboxHandlers, windowOf } from './fake-outbox';

const rows = () => useOutboxStore.getState().list?.rows ?? [];

const ready = makeStatus();

beforeEach(resetStores);

let stop = () => {};
afterEach(() => stop());

/** The stores connected to a fake core, until the test ends. */
function connect(handlers?: Handlers): FakeApi {
  const fake = fakeApi(handlers);
  stop = connectStores(fake.api);
  return fake;
}

/** The same, once the first answers are in the stores. */
async function connected(handlers?: Handlers): Promise<FakeApi> {
  const fake = connect(handlers);
  await flush();
  return fake;
}

describe('connectStores', () => {
  it('loads the initial state', async () => {
    const fake = await connected({
      ...outboxHandlers(() => [makeItem({ id: 'item-0001', createdAt: 1 }), makeItem({ id: 'item-0002', createdAt: 2 })]),
      'app.status': () => ok(ready),
      'accounts.list': () => ok([]),
      'sandbox.list': () => ok([]),
    });
    expect(rows().map((i) => i.id)).toEqual(['item-0002', 'item-0001']);
    expect(useStatusStore.getState().app).toEqual(ready);
    expect(useStatusStore.getState().accounts).toEqual([]);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('upserts outbox items from events', async () => {
    const fake = await connected({ ...outboxHandlers(() => []) });
    const item = makeItem({ updatedAt: 1 });
    fake.emit('outbox:changed', item);
    fake.emit('outbox:changed', { ...item, state: 'sending', updatedAt: 2 });
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.state).toBe('sending');
  });

  it('does not let a slow window answer roll back an event', async () => {
    const waiting: ((items: OutboxItem[]) => void)[] = [];
    const fake = connect({ 'outbox.window': (request) => new Promise((resolve) => waiting.push((items) => resolve(ok(windowOf(items, request))))) });
    const answerAll = (items: OutboxItem[]) => waiting.splice(0).forEach((answer) => answer(items));
    await flush();
    answerAll([makeItem({ state: 'sending', updatedAt: 5 })]);
    await flush();
    expect(rows().map((r) => r.state)).toEqual(['sending']);
    fake.emit('outbox:changed', makeItem({ state: 'deferred', updatedAt: 20 }));
    // The window is asked again, and its answer was made before the event.
    useOutboxStore.setState({ stale: true });
    await new Promise((resolve) => setTimeout(resolve, 150));
    answerAll([makeItem({ state: 'sending', updatedAt: 10 })]);
    await flush();
    expect(rows().map((r) => [r.id, r.state])).toEqual([['item-0001', 'deferred']]);
  });

  it('does not let a slow status response overwrite a pushed status', async () => {
    let answer: () => void = () => {};
    const fake = connect({
      'app.status': () =>
        new Promise((resolve) => (answer = () => resolve(ok({ ...ready, phase: 'recovering', recovery: { total: 2, done: 0 } })))),
    });
    fake.emit('app:status', ready);
    answer();
    await flush();
    expect(useStatusStore.getState().app?.phase).toBe('ready');
  });

  it('records a connection failure', async () => {
    await connected();
    expect(useStatusStore.getState().connectionError).toBe('no handler for app.status');
  });

  it('announces a message that has just failed, once', async () => {
    const fake = await connected({ ...outboxHandlers(() => []) });
    const sending = makeItem({ state: 'sending', subject: 'Plans', updatedAt: 1 });
    fake.emit('outbox:changed', sending);
    const failed = { ...sending, state: 'failed' as const, updatedAt: 2, error: { code: 'SERVER_REJECTED' as const, message: '554 No' } };
    fake.emit('outbox:changed', failed);
    fake.emit('outbox:changed', { ...failed, updatedAt: 3 });
    expect(useAlertsStore.getState().alerts.map((a) => a.text)).toEqual(['“Plans” could not be sent: 554 No']);
  });

  it('loads the transcript of the selected item and appends its live lines only', async () => {
    const stored = [makeEntry({ seq: 1 }), makeEntry({ seq: 2, at: 1001, direction: 'client', text: 'EHLO me' })];
    const fake = connect({ 'transcript.get': ({ id }) => ok(stored.filter((e) => e.itemId === id)) });
    useOutboxStore.getState().select('item-0001');
    // A line pushed while the stored transcript loads; it is also in the stored copy.
    fake.emit('smtp:response', makeEntry({ seq: 2, at: 1001, direction: 'client', text: 'EHLO me' }));
    await flush();
    fake.emit('smtp:response', makeEntry({ seq: 3, at: 1002, text: '250 2.0.0 Ok: queued as X' }));
    fake.emit('smtp:response', makeEntry({ itemId: 'item-other', seq: 9 }));
    const seqs = useTranscriptStore.getState().entries.map((e: TranscriptEntry) => e.seq);
    expect(seqs).toEqual([1, 2, 3]);
    expect(useTranscriptStore.getState().loading).toBe(false);
  });

  it('drops a transcript answer for an item no longer selected', async () => {
    const answers: Record<string, () => void> = {};
    connect({
      'transcript.get': ({ id }) => new Promise((resolve) => (answers[id] = () => resolve(ok([makeEntry({ itemId: id })])))),
    });
    useOutboxStore.getState().select('item-000a');
    useOutboxStore.getState().select('item-000b');
    answers['item-000a']?.();
    await flush();
    expect(useTranscriptStore.getState().itemId).toBe('item-000b');
    expect(useTranscriptStore.getState().entries).toEqual([]);
    answers['item-000b']?.();
    await flush();
    expect(useTranscriptStore.getState().entries.map((e) => e.itemId)).toEqual(['item-000b']);
  });

  it('adds sandbox messages from events', async () => {
    const fake = await connected({ 'sandbox.list': () => ok([]) });
    fake.emit('sandbox:received', makeSandboxMessage({ id: 's1' }));
    expect(useSandboxStore.getState().messages.map((m) => m.id)).toEqual(['s1']);
  });

  it('shows Offline as soon as an app:status event says so, and Online again after', async () => {
    const fake = await connected({ 'app.status': () => ok(ready) });
    expect(onlineText(useStatusStore.getState().app)).toBe('Online');
    fake.emit('app:status', { ...ready, online: false });
    expect(onlineText(useStatusStore.getState().app)).toMatch(/^Offline\b/);
    fake.emit('app:status', ready);
    expect(onlineText(useStatusStore.getState().app)).toBe('Online');
  });

  it('loads the settings into the Settings form and Compose’s undo delay', async () => {
    const fake = await connected({ 'settings.get': () => ok({ undoSendSeconds: 8 }) });
    expect(useSettingsStore.getState().fields.undoDelay).toBe('8');
    expect(useComposeStore.getState().fields.delay).toBe('8');
    fake.emit('settings:changed', { undoSendSeconds: 3 });
    expect(useSettingsStore.getState().settings).toEqual({ undoSendSeconds: 3 });
    expect(useComposeStore.getState().fields.delay).toBe('3');
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('does not let a slow settings answer overwrite a pushed change', async () => {
    let answer: () => void = () => {};
    const fake = connect({ 'settings.get': () => new Promise((resolve) => (answer = () => resolve(ok({ undoSendSeconds: 5 }))))});
    fake.emit('settings:changed', { undoSendSeconds: 20 });
    answer();
    await flush();
    expect(useComposeStore.getState().fields.delay).toBe('20');
  });

  it('keeps a Settings value being edited when a change is pushed', async () => {
    const fake = await connected({ 'settings.get': () => ok({ undoSendSeconds: 5 }) });
    useSettingsStore.getState().setField('undoDelay', '40');
    fake.emit('settings:changed', { undoSendSeconds: 6 });
    expect(useSettingsStore.getState().fields.undoDelay).toBe('40');
    expect(useSettingsStore.getState().settings).toEqual({ undoSendSeconds: 6 });
  });

  it('says when the settings could not be loaded', async () => {
    await connected();
    expect(useSettingsStore.getState().loadError).toBe('Could not load settings: no handler for settings.get');
  });

  it('loads the drafts and follows drafts:changed, a slow answer not rolling an event back', async () => {
    let answer: () => void = () => {};
    const fake = connect({ 'drafts.list': () => new Promise((resolve) => (answer = () => resolve(ok([makeDraft({ id: 'draft-old1' })])))) });
    fake.emit('drafts:changed', [makeDraft({ id: 'draft-new1' })]);
    answer();
    await flush();
    expect(useDraftsStore.getState().drafts.map((d) => d.id)).toEqual(['draft-new1']);
  });

  it('removes an item on outbox:removed, from the rows and the counts', async () => {
    useUiStore.getState().setView('sent');
    const fake = await connected({ ...outboxHandlers(() => [makeItem({ state: 'sent' })]) });
    fake.emit('outbox:removed', { id: 'item-0001' });
    expect(rows()).toEqual([]);
    expect(useOutboxStore.getState().counts?.sent).toBe(0);
  });

  it('shows upload progress while an item is sending, and drops it when the send is over', async () => {
    const fake = await connected({ ...outboxHandlers(() => [makeItem({ state: 'sending', updatedAt: 1 })]) });
    fake.emit('smtp:progress', { itemId: 'item-0001', sent: 4096, total: 10_000 });
    expect(useOutboxStore.getState().progress['item-0001']).toEqual({ itemId: 'item-0001', sent: 4096, total: 10_000 });
    fake.emit('outbox:changed', makeItem({ state: 'sent', updatedAt: 2 }));
    expect(useOutboxStore.getState().progress).toEqual({});
    fake.emit('smtp:progress', { itemId: 'item-0001', sent: 10_000, total: 10_000 });
    expect(useOutboxStore.getState().progress).toEqual({});
  });

  it('shows a new-mail notice with Open, and none once new-mail notices are turned off in Settings', async () => {
    const fake = await connected();
    const mail = { accountId: 'acc-1', folderId: 'fold-1', count: 1, latest: [{ id: 'msg-1', from: { name: 'Ada', address: 'ada@example.test' }, subject: 'Tea' }] };
    fake.emit('mail:newMail', mail);
    expect(useAlertsStore.getState().alerts).toEqual([expect.objectContaining({ kind: 'newMail', text: 'New mail from Ada: Tea', folderId: 'fold-1', messageId: 'msg-1' })]);
    useAlertsStore.setState({ alerts: [] });
    useSettingsStore.getState().apply({ undoSendSeconds: 5, newMailNotices: false });
    fake.emit('mail:newMail', mail);
    expect(useAlertsStore.getState().alerts).toEqual([]);
  });

  it('drops the new-mail notice once its message is opened, and keeps it while another one is', async () => {
    const fake = await connected();
    fake.emit('mail:newMail', { accountId: 'acc-1', folderId: 'fold-1', count: 1, latest: [{ id: 'msg-1', from: { name: 'Ada', address: 'ada@example.test' }, subject: 'Tea' }] });
    await openMessage(fake.api, 'msg-2');
    expect(useAlertsStore.getState().alerts.map((a) => a.kind)).toEqual(['newMail']);
    await openMessage(fake.api, 'msg-1');
    expect(useAlertsStore.getState().alerts).toEqual([]);
  });

  it('opens Compose filled from an app:compose request (a mailto: link)', async () => {
    const fake = connect();
    fake.emit('app:compose', { to: 'ada@example.test', cc: '', bcc: '', subject: 'Café', text: 'Hello\nWorld' });
    await flush();
    const compose = useComposeStore.getState();
    expect(compose.open).toBe(true);
    expect(compose.chips.to).toEqual(['ada@example.test']);
    expect(compose.fields).toMatchObject({ subject: 'Café', text: 'Hello\nWorld' });
  });

  it('does not ask the core for the transcript of a saved draft', async () => {
    const fake = connect();
    useDraftsStore.getState().replace([makeDraft({ id: 'draft-0001' })]);
    useOutboxStore.getState().select('draft-0001');
    await flush();
    expect(fake.calls.filter((c) => c.name === 'transcript.get')).toEqual([]);
    expect(useTranscriptStore.getState()).toMatchObject({ itemId: null, loading: false });
  });
});

describe('failures while no window was open', () => {
  const failed = makeItem({ id: 'item-0009', state: 'failed', subject: 'Quarterly', updatedAt: 500, error: { code: 'SERVER_REJECTED', message: '554 no' } });
  const fine = makeItem({ id: 'item-0010', state: 'sent', subject: 'Fine', updatedAt: 600 });

  it('a window that opens is told of a message that failed while none was open, once', async () => {
    await connected({ ...outboxHandlers(() => [failed, fine]), 'app.status': () => ok(ready) });
    const texts = useAlertsStore.getState().alerts.map((a) => a.text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/Quarterly/);
    expect(texts[0]).not.toMatch(/Fine/);

    // The next window (a reload) has been told already.
    stop();
    useAlertsStore.setState({ alerts: [] });
    await connected({ ...outboxHandlers(() => [failed, fine]), 'app.status': () => ok(ready) });
    expect(useAlertsStore.getState().alerts).toHaveLength(0);
  });
});
