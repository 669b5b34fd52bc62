/**
 * The tracker against the real outbox store: a report finds its message by
 * envelope id or Message-ID, updates recipients on disk, tells the window, and
 * counts once however often it arrives.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../shared/model';
import { openMailStore, type MailStore } from '../db/mail-store';
import { EventBus } from '../events';
import { makeItem } from '../../../testing/harness/fixtures';
import { ReportTracker } from './report-tracker';

const corpus = (name: string): Buffer => readFileSync(join(__dirname, 'corpus', name));

let store: MailStore | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

async function setup(items: OutboxItem[]) {
  store = openMailStore(join(mkdtempSync(join(tmpdir(), 'outbox-reports-')), 'outbox.sqlite'));
  const opened = store;
  await opened.commit.write(() => items.forEach((item) => opened.insertItem(item)));
  const events = new EventBus();
  const changed: OutboxItem[] = [];
  events.onAny((name, payload) => name === 'outbox:changed' && changed.push(payload as OutboxItem));
  const failed: string[] = [];
  const tracker = new ReportTracker({ store: opened, events, onRecipientsFailed: (_item, recipients) => failed.push(...recipients.map((r) => r.address)) });
  return { tracker, changed, failed, store: opened };
}

const minutes = makeItem({
  id: 'minutes-0001',
  state: 'sent',
  envid: 'env-7f3a',
  messageId: '<minutes.42@postfix.test>',
  recipients: [
    { address: 'bob@postfix.test', field: 'to', state: 'accepted' },
    { address: 'Dave+Team@next.example', field: 'to', state: 'accepted' },
  ],
});

describe('report tracker', () => {
  it('matches by envelope id, writes each recipient state to disk, and tells the window once', async () => {
    const { tracker, changed, store } = await setup([minutes]);
    const outcome = await tracker.track(corpus('postfix-delivered.eml'), 1000);
    expect(outcome).toMatchObject({ kind: 'delivery', itemId: 'minutes-0001', unmatchedRecipients: 0 });
    expect(store.getItem('minutes-0001')?.recipients.map((r) => r.delivery?.state)).toEqual(['delivered', 'relayed']);
    expect(changed).toHaveLength(1);
    const again = await tracker.track(corpus('postfix-delivered.eml'), 2000);
    expect(again).toMatchObject({ itemId: 'minutes-0001' });
    expect(changed).toHaveLength(1);
    expect(store.getItem('minutes-0001')?.recipients[0]?.delivery?.events).toHaveLength(1);
  });

  it('falls back to the returned Message-ID when the report carries no envelope id, and names who failed', async () => {
    const invite = makeItem({ id: 'invite-0001', state: 'sent', envid: 'other', messageId: '<invite.2026@example.com>', recipients: [{ address: 'nobody@example.org', field: 'to', state: 'accepted' }] });
    const { tracker, failed, store } = await setup([invite]);
    const outcome = await tracker.track(corpus('exim-failed.eml'), 1000);
    expect(outcome).toMatchObject({ kind: 'delivery', itemId: 'invite-0001' });
    expect(store.getItem('invite-0001')?.recipients[0]?.delivery).toMatchObject({ state: 'failed', events: [{ status: '5.0.0', diagnostic: '550 5.1.1 No such user here' }] });
    expect(failed).toEqual(['nobody@example.org']);
  });

  it('a report about no message we know, a plain-text bounce and ordinary mail are told apart and nothing is changed', async () => {
    const { tracker, changed } = await setup([minutes]);
    expect(await tracker.track(corpus('gmail-failed.eml'), 1)).toMatchObject({ kind: 'delivery', itemId: null, unmatchedRecipients: 1 });
    expect(await tracker.track(corpus('plain-bounce.eml'), 1)).toMatchObject({ kind: 'unstructured-bounce', itemId: null });
    expect(await tracker.track(Buffer.from('Subject: hi\r\n\r\nhello\r\n'), 1)).toEqual({ kind: 'not-a-report' });
    expect(changed).toHaveLength(0);
  });

  it('two messages with one Message-ID cannot be told apart: the report stays unmatched', async () => {
    const a = makeItem({ id: 'invite-000a', state: 'sent', envid: 'e1', messageId: '<invite.2026@example.com>' });
    const b = makeItem({ id: 'invite-000b', state: 'sent', envid: 'e2', messageId: '<invite.2026@example.com>' });
    const { tracker } = await setup([a, b]);
    expect(await tracker.track(corpus('exim-failed.eml'), 1)).toMatchObject({ itemId: null });
  });

  it('a read receipt reaches its recipient', async () => {
    const contract = makeItem({ id: 'contract-01', state: 'sent', envid: 'e3', messageId: '<contract.1@example.com>', recipients: [{ address: 'bob@example.org', field: 'to', state: 'accepted' }] });
    const { tracker, store } = await setup([contract]);
    expect(await tracker.track(corpus('mdn-displayed.eml'), 77)).toMatchObject({ kind: 'disposition', itemId: 'contract-01' });
    expect(store.getItem('contract-01')?.recipients[0]?.readReceipt).toEqual({ disposition: 'displayed', at: 77, reportId: 'mdn.55@example.org' });
  });
});
