/**
 * Replying and forwarding through a whole core, with the local sandbox as both
 * the server that receives and the mailbox that shows what it received: the
 * reply's threading headers and the forward's files as the recipient gets them.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { AttachmentChunk, MailList, MessageDetail } from '../../../shared/mail-model';
import type { OutboxItem, StoredAttachment } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const quiet = { notify: { success: false, failure: true, delay: true }, ret: 'headers' } as const;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function received(c: TestCore, subject: string): Promise<MessageDetail> {
  const until = Date.now() + 15_000;
  for (;;) {
    const list = await c.call<MailList>('mail.list', { offset: 0, limit: 50 });
    const row = list.rows.find((r) => r.subject === subject);
    if (row) return c.call<MessageDetail>('mail.get', { id: row.id });
    if (Date.now() > until) throw new Error(`no message "${subject}" in the sandbox mailbox`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function download(c: TestCore, id: string, partId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await c.call<AttachmentChunk>('mail.attachment', { id, partId, offset });
    parts.push(Buffer.from(chunk.contentBase64, 'base64'));
    offset += parts.at(-1)!.length;
    if (offset >= chunk.total) return Buffer.concat(parts);
  }
}

describe('answering received mail', () => {
  it('a reply carries In-Reply-To and References; a forward carries the files byte for byte, or the whole message', async () => {
    core = await startTestCore();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000, 7)]);
    const csv = Buffer.from('a,b\n1,2\n', 'utf8');
    const original = await core.call<OutboxItem>('outbox.submit', {
      to: 'ada@example.test',
      subject: 'Numbers',
      text: 'Attached.',
      dsn: quiet,
      attachments: [
        { name: 'report.pdf', type: 'application/pdf', contentBase64: pdf.toString('base64') },
        { name: 'data.csv', type: 'text/csv', contentBase64: csv.toString('base64') },
      ],
    });
    await core.waitForState(original.id, 'sent');
    const first = await received(core, 'Numbers');

    const files = await core.call<StoredAttachment[]>('mail.forwardAttachments', { id: first.id, asMessage: false });
    expect(files.map((f) => [f.name, f.sha256])).toEqual([
      ['report.pdf', sha(pdf)],
      ['data.csv', sha(csv)],
    ]);

    const reply = await core.call<OutboxItem>('outbox.submit', {
      to: 'ada@example.test',
      subject: 'Re: Numbers',
      text: 'Thanks.',
      dsn: quiet,
      threading: { inReplyTo: first.messageId, references: [first.messageId] },
    });
    const forward = await core.call<OutboxItem>('outbox.submit', {
      to: 'bob@example.test',
      subject: 'Fwd: Numbers',
      text: 'See below.',
      dsn: quiet,
      attachments: files.map(({ name, type, sha256 }) => ({ name, type, sha256 })),
    });
    const [asMessage] = await core.call<StoredAttachment[]>('mail.forwardAttachments', { id: first.id, asMessage: true });
    expect(asMessage).toMatchObject({ name: 'Numbers.eml', type: 'message/rfc822' });
    const wrapped = await core.call<OutboxItem>('outbox.submit', { to: 'cat@example.test', subject: 'Fwd: Numbers (whole)', text: '', dsn: quiet, attachments: [{ name: asMessage!.name, type: asMessage!.type, sha256: asMessage!.sha256 }] });
    for (const item of [reply, forward, wrapped]) await core.waitForState(item.id, 'sent');

    const gotReply = await received(core, 'Re: Numbers');
    expect(gotReply.inReplyTo).toBe(first.messageId);
    expect(gotReply.references).toEqual([first.messageId]);
    expect(gotReply.threadId).toBe(first.threadId);

    const gotForward = await received(core, 'Fwd: Numbers');
    const byName = new Map(gotForward.attachments.map((a) => [a.name, a.partId]));
    expect(sha(await download(core, gotForward.id, byName.get('report.pdf')!))).toBe(sha(pdf));
    expect(sha(await download(core, gotForward.id, byName.get('data.csv')!))).toBe(sha(csv));

    const gotWrapped = await received(core, 'Fwd: Numbers (whole)');
    const eml = gotWrapped.attachments.find((a) => a.type === 'message/rfc822');
    expect(eml).toBeDefined();
    const inner = await download(core, gotWrapped.id, eml!.partId);
    expect(sha(inner)).toBe(asMessage!.sha256);
    expect(inner.toString('latin1')).toContain(`Message-ID: <${first.messageId}>`);
  });

  it('answers unknown messages with NOT_FOUND and refuses a malformed request', async () => {
    core = await startTestCore();
    const code = async (p: Promise<unknown>) => ((await p.then(() => null, (e: { appError: AppError }) => e.appError)) as AppError | null)?.code;
    expect(await code(core.call('mail.forwardAttachments', { id: 'mNOSUCHMESSAGE', asMessage: false }))).toBe('NOT_FOUND');
    expect(await code(core.call('mail.forwardAttachments', { id: 'mNOSUCHMESSAGE' }))).toBe('INVALID_ARG');
    expect(await code(core.call('outbox.submit', { to: 'a@b.test', subject: 's', text: '', threading: { inReplyTo: 'x\r\nBcc: evil@x', references: [] } }))).toBe('INVALID_ARG');
  });
});
