/**
 * Read receipts end to end through the local sandbox (a real SMTP server and
 * the real stores): a request in a received message is offered once, answered
 * through the outbox (the receipt is a real message the sandbox receives), and
 * a receipt that comes back for a message we sent marks its recipient "read".
 * Reports show in their own folder and leave Inbox when the settings say so.
 */
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import type { Folder, MailList, MessageDetail, UnmatchedReport } from '../../../shared/mail-model';
import type { Account, OutboxItem } from '../../../shared/model';
import { SANDBOX_ACCOUNT_ID } from '../accounts/accounts-service';
import { SANDBOX_USER } from '../sandbox/sandbox-server';
import { renderMime } from '../smtp/mime';
import { makeItem, tempAttachmentStore } from '../../../testing/harness/fixtures';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const SECRET = 'receipt-loop-test-secret';
let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function deliver(c: TestCore, from: string, raw: Buffer | string): Promise<void> {
  const sandbox = (await c.call<Account[]>('accounts.list', {})).find((a) => a.id === SANDBOX_ACCOUNT_ID)!;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sandbox.port, secure: false, ignoreTLS: true, auth: { user: SANDBOX_USER, pass: SECRET } });
  try {
    await transport.sendMail({ envelope: { from, to: [sandbox.from.address] }, raw });
  } finally {
    transport.close();
  }
}

async function inboxOf(c: TestCore): Promise<Folder> {
  return (await c.call<Folder[]>('mail.folders', {})).find((f) => f.accountId === SANDBOX_ACCOUNT_ID && f.role === 'inbox')!;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const listOf = async (c: TestCore, folderId: string) => c.call<MailList>('mail.list', { folderId, offset: 0, limit: 100 });
const findBySubject = (c: TestCore, folderId: string, subject: string) => async () => (await listOf(c, folderId)).rows.find((r) => r.subject === subject);

const request = (from: string, subject: string, id: string) =>
  [`From: ${from}`, 'To: someone@example.test', `Subject: ${subject}`, `Message-ID: <${id}>`, 'Date: Tue, 1 Dec 2026 10:00:00 +0000', `Disposition-Notification-To: ${from}`, '', 'Please confirm.', ''].join('\r\n');

describe('read receipts through the sandbox', () => {
  it('asks once, sends the receipt through the outbox when the user agrees, and remembers a refusal', async () => {
    core = await startTestCore({ sandboxSecret: SECRET });
    await core.ready;
    const inbox = await inboxOf(core);
    await deliver(core, 'carol@example.org', request('Carol <carol@example.org>', 'Confirm please', 'req-1@example.org'));
    const asked = await waitFor('the request', findBySubject(core, inbox.id, 'Confirm please'));

    const opened = await core.call<MessageDetail>('mail.get', { id: asked.id });
    expect(opened.receiptRequest).toEqual({ address: 'carol@example.org', answer: 'pending' });
    expect((core.listOutbox()).length).toBe(0);

    const answered = await core.call<MessageDetail>('mail.answerReceipt', { id: asked.id, send: true });
    expect(answered.receiptRequest).toEqual({ address: 'carol@example.org', answer: 'sent' });
    const [receipt, ...more] = core.listOutbox();
    expect(more).toEqual([]);
    expect(receipt).toMatchObject({ subject: 'Read: Confirm please', recipients: [{ address: 'carol@example.org' }], dsn: { notify: { success: false } } });
    expect(receipt!.disposition).toMatchObject({ originalMessageId: 'req-1@example.org', mode: 'manual' });
    await core.waitForState(receipt!.id, 'sent', 20_000);

    // Asked once: opening again or answering again changes nothing, and queues nothing more.
    expect((await core.call<MessageDetail>('mail.get', { id: asked.id })).receiptRequest?.answer).toBe('sent');
    expect((await core.call<MessageDetail>('mail.answerReceipt', { id: asked.id, send: false })).receiptRequest?.answer).toBe('sent');
    expect((core.listOutbox()).length).toBe(1);

    // The receipt arrived in the sandbox like any message; it is about no message sent from here: listed, not dropped.
    const unmatched = await waitFor('the unmatched receipt', async () => (await core!.call<UnmatchedReport[]>('reports.unmatched', {})).find((r) => r.kind === 'disposition'));
    expect(unmatched.subject).toBe('Read: Confirm please');

    await deliver(core, 'dave@example.org', request('dave@example.org', 'Another one', 'req-2@example.org'));
    const declined = await waitFor('the second request', findBySubject(core, inbox.id, 'Another one'));
    expect((await core.call<MessageDetail>('mail.answerReceipt', { id: declined.id, send: false })).receiptRequest).toEqual({ address: 'dave@example.org', answer: 'declined' });
    expect((await core.call<MessageDetail>('mail.get', { id: declined.id })).receiptRequest?.answer).toBe('declined');
    expect((core.listOutbox()).length).toBe(1);
  }, 60_000);

  it('receipts for a message we sent mark its recipients read; reports get their own folder and can leave Inbox', async () => {
    core = await startTestCore({ sandboxSecret: SECRET });
    await core.ready;
    // Bob is a sandbox address that "reads" at once; Dan's address is one the sandbox only delays, so his receipt is ours to write.
    const sent = await core.call<OutboxItem>('outbox.submit', { to: 'bob@example.org, delay-dan@example.org', subject: 'Did you read it', text: 'Hello', readReceipt: true, dsn: { notify: { success: false, failure: false, delay: false }, ret: 'headers' } });
    expect(sent.readReceipt).toBe(true);
    await core.waitForState(sent.id, 'sent', 20_000);
    const bobRead = await waitFor('the sandbox’s receipt', async () => (await core!.call<OutboxItem>('outbox.get', { id: sent.id })).recipients[0]?.readReceipt);
    expect(bobRead).toMatchObject({ disposition: 'displayed', reportId: expect.stringMatching(/@sandbox\.localhost$/) });

    // Dan's client answers: the bytes our own renderer writes for a receipt.
    const dans = makeItem({
      messageId: '<dan-receipt-1@example.org>',
      from: { address: 'delay-dan@example.org' },
      recipients: [{ address: sent.from.address, field: 'to', state: 'pending' }],
      subject: 'Read: Did you read it',
      text: 'Displayed.\n',
      createdAt: Date.now(),
      disposition: { originalRecipient: null, finalRecipient: 'delay-dan@example.org', originalMessageId: sent.messageId.replace(/^<|>$/g, ''), originalSubject: 'Did you read it', mode: 'manual' },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of renderMime(dans, tempAttachmentStore())) chunks.push(chunk as Buffer);
    await deliver(core, 'delay-dan@example.org', Buffer.concat(chunks));
    const danRead = await waitFor('Dan’s receipt', async () => (await core!.call<OutboxItem>('outbox.get', { id: sent.id })).recipients[1]?.readReceipt);
    expect(danRead).toMatchObject({ disposition: 'displayed', reportId: 'dan-receipt-1@example.org' });
    expect((await core.call<UnmatchedReport[]>('reports.unmatched', {})).length).toBe(0);

    const inbox = await inboxOf(core);
    const before = await listOf(core, inbox.id);
    expect(before.rows.filter((r) => r.subject === 'Read: Did you read it').length).toBe(2);
    expect((await core.call<Folder[]>('mail.folders', {})).some((f) => f.role === 'reports')).toBe(false);

    await core.call('settings.update', { reportsPlacement: 'folder', hideReportsFromInbox: true });
    const folders = await core.call<Folder[]>('mail.folders', {});
    const reports = folders.find((f) => f.role === 'reports')!;
    expect(reports).toMatchObject({ total: 2, unread: 2 });
    expect((await listOf(core, reports.id)).rows.map((r) => r.subject)).toEqual(['Read: Did you read it', 'Read: Did you read it']);
    const after = await listOf(core, inbox.id);
    expect(after.rows.map((r) => r.subject)).not.toContain('Read: Did you read it');
    expect(after.total).toBe(before.total - 2);
    expect(folders.find((f) => f.id === inbox.id)).toMatchObject({ total: before.total - 2, unread: inbox.unread - 2 });

    // Back to plain mail: Inbox lists them again, and the folder is gone.
    await core.call('settings.update', { reportsPlacement: 'inbox', hideReportsFromInbox: false });
    expect((await listOf(core, inbox.id)).total).toBe(before.total);
    expect((await core.call<Folder[]>('mail.folders', {})).some((f) => f.role === 'reports')).toBe(false);
  }, 60_000);
});
