/**
 * The whole loop without any account: a message sent through the local sandbox
 * comes back as delivery reports in its mailbox, and each recipient of the sent
 * message reaches the state its report gives — on disk, pushed to the window.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MailList } from '../../../shared/mail-model';
import type { OutboxItem } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('delivery tracking through the local sandbox', () => {
  it('delivered, failed and delayed recipients each reach their state from the reports the sandbox writes', async () => {
    core = await startTestCore({ sqlite: true });
    await core.ready;
    const queued = await core.call<OutboxItem>('outbox.submit', { to: 'ann@example.test, bounce@example.test, delay@example.test', subject: 'Tracking', text: 'Hello' });
    await core.waitForState(queued.id, 'sent', 20_000);
    const states = async () => (await core!.call<OutboxItem>('outbox.get', { id: queued.id })).recipients.map((r) => [r.address, r.delivery?.state ?? null]);
    for (const deadline = Date.now() + 15_000; !(await states()).every(([, state]) => state !== null); ) {
      if (Date.now() > deadline) throw new Error(`not every recipient has a report: ${JSON.stringify(await states())}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await states()).toEqual([
      ['ann@example.test', 'delivered'],
      ['bounce@example.test', 'failed'],
      ['delay@example.test', 'delayed'],
    ]);
    const item = await core.call<OutboxItem>('outbox.get', { id: queued.id });
    expect(item.recipients[1]?.delivery?.events[0]).toMatchObject({ status: '5.1.1', reportingMta: 'sandbox.localhost' });
    expect(item.recipients[2]?.delivery?.events[0]?.retryUntil).toBeGreaterThan(Date.now());
    // The window heard of it, and the reports are readable mail in the sandbox's Inbox.
    expect(core.seen.some((e) => e.name === 'outbox:changed' && (e.payload as OutboxItem).recipients.some((r) => r.delivery?.state === 'failed'))).toBe(true);
    const folders = await core.call<{ id: string; accountId: string; role: string }[]>('mail.folders', {});
    const inbox = folders.find((f) => f.accountId === 'local-sandbox' && f.role === 'inbox')!;
    const list = await core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 50 });
    expect(list.rows.map((r) => r.subject).sort()).toEqual(['Delayed Mail (still being retried)', 'Successful Mail Delivery Report', 'Tracking', 'Undelivered Mail Returned to Sender']);
  });
});
