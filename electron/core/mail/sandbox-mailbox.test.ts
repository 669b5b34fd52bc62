import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { AttachmentChunk, Folder, MailList, MessageDetail } from '../../../shared/mail-model';
import type { OutboxItem, SandboxMessage } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const waitFor = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the local sandbox as a mailbox', () => {
  it('shows what the sandbox received in its Inbox: list, body, attachment in bounded chunks; sandbox.list still works', async () => {
    core = await startTestCore();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 5000, 9)]);
    const item = await core.call<OutboxItem>('outbox.submit', {
      to: 'Ada <ada@example.test>',
      subject: 'Quarterly lighthouse report',
      text: 'The numbers are attached.',
      // No success report: this test is about the message itself, alone in the Inbox.
      dsn: { notify: { success: false, failure: true, delay: true }, ret: 'headers' },
      attachments: [{ name: 'report.pdf', type: 'application/pdf', contentBase64: pdf.toString('base64') }],
    });
    await core.waitForState(item.id, 'sent');
    const folders = await waitFor(() => core!.call<Folder[]>('mail.folders', {}), (f) => f.some((x) => x.accountId === 'local-sandbox' && x.total === 1));
    const inbox = folders.find((f) => f.accountId === 'local-sandbox') as Folder;
    expect(inbox).toMatchObject({ role: 'inbox', total: 1, unread: 1, selectable: true });
    expect(core.seen.some((e) => e.name === 'mail:changed' && (e.payload as { folderId: string }).folderId === inbox.id)).toBe(true);

    const list = await core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 50 });
    expect(list.total).toBe(1);
    const [row] = list.rows;
    expect(row).toMatchObject({ subject: 'Quarterly lighthouse report', hasAttachments: true, cached: true, messageId: item.messageId.replace(/^<|>$/g, '') });
    expect(row?.to).toEqual([{ name: 'Ada', address: 'ada@example.test' }]);

    const detail = await core.call<MessageDetail>('mail.get', { id: row!.id });
    expect(detail.text).toContain('The numbers are attached.');
    expect(detail.problem).toBeNull();
    const attachment = detail.attachments.find((a) => a.name === 'report.pdf');
    expect(attachment).toMatchObject({ type: 'application/pdf', size: pdf.length, inline: false });

    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const chunk = await core.call<AttachmentChunk>('mail.attachment', { id: row!.id, partId: attachment!.partId, offset });
      const bytes = Buffer.from(chunk.contentBase64, 'base64');
      expect(bytes.length).toBeLessThanOrEqual(1024 * 1024);
      expect(chunk.total).toBe(pdf.length);
      parts.push(bytes);
      offset += bytes.length;
      if (offset >= chunk.total) break;
    }
    expect(parts.length).toBe(2);
    expect(Buffer.concat(parts).equals(pdf)).toBe(true);

    const found = await core.call<MailList>('mail.list', { offset: 0, limit: 10, query: 'lighthou' });
    expect(found.rows.map((r) => r.id)).toEqual([row!.id]);
    expect((await core.call<MailList>('mail.list', { offset: 0, limit: 10, query: 'numbers attached' })).total).toBe(1);

    const received = await core.call<SandboxMessage[]>('sandbox.list', {});
    expect(received.map((m) => m.messageId)).toEqual([item.messageId]);
  });

  it('records remote-content consent for a sender and answers unknown ids and parts with codes', async () => {
    core = await startTestCore();
    const item = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Pictures', text: 'x', dsn: { notify: { success: false, failure: true, delay: true }, ret: 'headers' }, html: '<p>See <img src="https://images.example.test/a.png"></p>' });
    await core.waitForState(item.id, 'sent');
    const list = await waitFor(() => core!.call<MailList>('mail.list', { offset: 0, limit: 5 }), (l) => l.total === 1);
    const id = list.rows[0]!.id;
    const before = await core.call<MessageDetail>('mail.get', { id });
    expect(before).toMatchObject({ hasRemoteContent: true, remoteContentAllowed: false });
    const after = await core.call<MessageDetail>('mail.allowRemoteContent', { id, scope: 'sender' });
    expect(after.remoteContentAllowed).toBe(true);
    const code = async (p: Promise<unknown>) => ((await p.then(() => null, (e: { appError: AppError }) => e.appError)) as AppError | null)?.code;
    expect(await code(core.call('mail.get', { id: 'mNOSUCHMESSAGE' }))).toBe('NOT_FOUND');
    expect(await code(core.call('mail.attachment', { id, partId: '7', offset: 0 }))).toBe('NOT_FOUND');
  });
});
