import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { fakeApi, resetStores } from '../../app/fake-api';
import { outboxHandlers } from '../../app/fake-outbox';
import { useAlertsStore } from '../../store/alerts';
import { useComposeStore } from '../../store/compose';
import { heldItems, useOutboxStore } from '../../store/outbox';
import { makeItem } from '../../store/test-fixtures';
import { editItem } from './edit';

beforeEach(resetStores);

const recipients = [
  { address: 'ann@x.test', name: 'Lee, Ann', field: 'to' as const, state: 'pending' as const },
  { address: 'bob@x.test', field: 'cc' as const, state: 'pending' as const },
  { address: 'eve@x.test', field: 'bcc' as const, state: 'pending' as const },
];

describe('editItem', () => {
  it('takes a queued message out of the queue, then opens it in Compose', async () => {
    const queued = makeItem({ state: 'queued', recipients, subject: 'Plans', text: 'Draft text', updatedAt: 1 });
    const fake = fakeApi({ 'outbox.abort': () => ok({ ...queued, state: 'cancelled', updatedAt: 2 }) });
    useOutboxStore.getState().upsert(queued);
    useAlertsStore.getState().push({ kind: 'queued', text: 'Message queued.', itemId: queued.id });
    useComposeStore.getState().defaultDelayChanged(5);

    expect(await editItem(fake.api, queued.id)).toBe(true);
    expect(fake.calls).toEqual([{ name: 'outbox.abort', request: { id: queued.id } }]);
    const compose = useComposeStore.getState();
    expect(compose.open).toBe(true);
    expect(compose.chips).toEqual({ to: ['"Lee, Ann" <ann@x.test>'], cc: ['bob@x.test'], bcc: ['eve@x.test'] });
    expect(compose.fields).toEqual({ to: '', cc: '', bcc: '', subject: 'Plans', text: 'Draft text', html: '', delay: '5', sendAt: '' });
    expect(compose).toMatchObject({ origin: 'queued', sourceId: queued.id, accountId: queued.accountId, dsn: queued.dsn });
    expect(heldItems(useOutboxStore.getState())[0]?.state).toBe('cancelled');
    // The "queued" note with Undo is about a message that is no longer queued.
    expect(useAlertsStore.getState().alerts).toEqual([]);
  });

  it('opens a cancelled message without taking anything out of the queue: only its whole copy is asked for', async () => {
    const item = makeItem({ state: 'cancelled' });
    const fake = fakeApi(outboxHandlers(() => [item]));
    useOutboxStore.getState().upsert(item);
    expect(await editItem(fake.api, 'item-0001')).toBe(true);
    expect(fake.calls.map((c) => c.name)).toEqual(['outbox.get']);
    expect(useComposeStore.getState().chips.to).toEqual(['bob@example.test']);
  });

  it('gives back the attachments and the rich text exactly as sent (Undo)', async () => {
    const sha256 = 'd'.repeat(64);
    const item = makeItem({
      state: 'cancelled',
      text: 'Hi',
      html: '<p style="margin:0"><strong>Hi</strong></p><p style="margin:0"><br></p>',
      attachments: [{ name: 'a.pdf', type: 'application/pdf', size: 10, sha256 }],
    });
    useOutboxStore.getState().upsert(item);
    expect(await editItem(fakeApi(outboxHandlers(() => [item])).api, item.id)).toBe(true);
    const compose = useComposeStore.getState();
    expect(compose.fields.html).toBe('<p><strong>Hi</strong></p><p></p>');
    expect(compose.attachments).toMatchObject([{ name: 'a.pdf', type: 'application/pdf', size: 10, sha256 }]);
  });

  it('leaves Compose closed and says why when the abort comes too late', async () => {
    const fake = fakeApi({ 'outbox.abort': () => err('TOO_LATE', 'The message has been handed to the server.') });
    useOutboxStore.getState().upsert(makeItem({ state: 'sending', handedOffAt: null }));
    expect(await editItem(fake.api, 'item-0001')).toBe(false);
    expect(useComposeStore.getState().open).toBe(false);
    expect(useAlertsStore.getState().alerts[0]?.text).toBe('Could not edit “Hello”: The message has been handed to the server.');
  });

  it('refuses a sent message with the reason', async () => {
    const fake = fakeApi();
    useOutboxStore.getState().upsert(makeItem({ state: 'sent' }));
    expect(await editItem(fake.api, 'item-0001')).toBe(false);
    expect(fake.calls).toEqual([]);
    expect(useAlertsStore.getState().alerts[0]?.text).toBe('Could not edit “Hello”: The message has been sent.');
  });
});
