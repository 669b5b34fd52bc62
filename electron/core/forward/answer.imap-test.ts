/**
 * Answering mail that came from a real Dovecot: the message is synced by the
 * core from the server, then replied to (Reply all, with the user's own
 * address among the recipients) and forwarded through the local sandbox's
 * SMTP server, whose mailbox shows the copies as received: threading headers
 * on the reply, exact recipients, the attachments byte for byte.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentChunk, Folder, MailList, MessageDetail } from '../../../shared/mail-model';
import type { Account, OutboxItem, StoredAttachment } from '../../../shared/model';
import { formatMailbox } from '../../../shared/address';
import { replyRecipients } from '../../../shared/reply/recipients';
import { replySubject } from '../../../shared/reply/subject';
import { threadingFor } from '../../../shared/reply/threading';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { seedRaw } from '../../../testing/dovecot/maildir-seed';
import { waitFor } from '../../../testing/harness/poll';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251))]);
const PNG = Buffer.from(Array.from({ length: 5_000 }, (_, i) => (i * 7) % 256));
const quiet = { notify: { success: false, failure: true, delay: true }, ret: 'headers' } as const;

const original = Buffer.from(
  [
    'From: Ada Lovelace <ada@example.test>',
    'To: Reader <reader@example.test>, Bob <bob@example.test>',
    'Cc: Charles <charles@example.test>',
    'Subject: AW: Re: Engine figures',
    'Message-ID: <figures-3@example.test>',
    'In-Reply-To: <figures-2@example.test>',
    'References: <figures-1@example.test> <figures-2@example.test>',
    'Date: Tue, 01 Dec 2026 09:30:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Figures attached.',
    '--b1',
    'Content-Type: application/pdf; name="figures.pdf"',
    'Content-Disposition: attachment; filename="figures.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    PDF.toString('base64').replace(/.{76}/g, '$&\r\n'),
    '--b1',
    'Content-Type: image/png; name="plot.png"',
    'Content-Disposition: attachment; filename="plot.png"',
    'Content-Transfer-Encoding: base64',
    '',
    PNG.toString('base64').replace(/.{76}/g, '$&\r\n'),
    '--b1--',
    '',
  ].join('\r\n'),
);

let dovecot: DovecotInstance;
let core: TestCore;

beforeAll(async () => {
  dovecot = await startDovecot();
  seedRaw(dovecot.maildir, '', [original], { uid: dovecot.uid, gid: dovecot.gid });
});
afterAll(async () => {
  await core?.close();
  await dovecot?.stop();
});


async function download(id: string, partId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = await core.call<AttachmentChunk>('mail.attachment', { id, partId, offset });
    parts.push(Buffer.from(chunk.contentBase64, 'base64'));
    offset += parts.at(-1)!.length;
    if (offset >= chunk.total) return Buffer.concat(parts);
  }
}

describe('answering mail from a real IMAP server', () => {
  it('Reply all threads and leaves out my address; Forward carries the files byte for byte', async () => {
    core = await startTestCore({ sqlite: true, imap: { minBackoffMs: 200, maxBackoffMs: 1_000 } });
    const account = await core.call<Account>('accounts.save', {
      name: 'Dovecot',
      fromAddress: 'reader@example.test',
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      incoming: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, secret: dovecot.password },
    });
    const inbox = (await waitFor(() => core.call<Folder[]>('mail.folders', {}), (f) => f.some((x) => x.accountId === account.id && x.role === 'inbox' && x.total === 1))).find(
      (x) => x.accountId === account.id && x.role === 'inbox',
    )!;
    const row = (await core.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 5 })).rows[0]!;
    const message = await core.call<MessageDetail>('mail.get', { id: row.id });

    // What the reply window fills in, from the shared rules.
    const recipients = replyRecipients(message, 'replyAll', [account.from.address]);
    expect(recipients.to.map((m) => m.address)).toEqual(['ada@example.test', 'bob@example.test']);
    expect(recipients.cc.map((m) => m.address)).toEqual(['charles@example.test']);
    const threading = threadingFor(message);
    expect(threading).toEqual({ inReplyTo: 'figures-3@example.test', references: ['figures-1@example.test', 'figures-2@example.test', 'figures-3@example.test'] });

    // Sent through the local sandbox, whose mailbox shows what arrived.
    const reply = await core.call<OutboxItem>('outbox.submit', {
      to: recipients.to.map(formatMailbox).join(', '),
      cc: recipients.cc.map(formatMailbox).join(', '),
      subject: replySubject(message.subject),
      text: 'Thanks.',
      dsn: quiet,
      threading: threading!,
    });
    const files = await core.call<StoredAttachment[]>('mail.forwardAttachments', { id: row.id, asMessage: false });
    const forward = await core.call<OutboxItem>('outbox.submit', { to: 'dan@example.test', subject: 'Fwd: Engine figures', text: 'See attached.', dsn: quiet, attachments: files.map(({ name, type, sha256 }) => ({ name, type, sha256 })) });
    await core.waitForState(reply.id, 'sent');
    await core.waitForState(forward.id, 'sent');
    expect(reply.recipients.map((r) => `${r.field}:${r.address}`)).toEqual(['to:ada@example.test', 'to:bob@example.test', 'cc:charles@example.test']);

    const received = async (subject: string) => {
      const list = await waitFor(() => core.call<MailList>('mail.list', { offset: 0, limit: 20, query: subject.split(' ').pop()! }), (l) => l.rows.some((r) => r.subject === subject && r.accountId !== account.id));
      return core.call<MessageDetail>('mail.get', { id: list.rows.find((r) => r.subject === subject && r.accountId !== account.id)!.id });
    };
    const gotReply = await received('Re: Engine figures');
    expect(gotReply.inReplyTo).toBe('figures-3@example.test');
    expect(gotReply.references).toEqual(['figures-1@example.test', 'figures-2@example.test', 'figures-3@example.test']);
    expect(gotReply.cc.map((m) => m.address)).toEqual(['charles@example.test']);

    const gotForward = await received('Fwd: Engine figures');
    const parts = new Map(gotForward.attachments.map((a) => [a.name, a.partId]));
    expect(sha(await download(gotForward.id, parts.get('figures.pdf')!))).toBe(sha(PDF));
    expect(sha(await download(gotForward.id, parts.get('plot.png')!))).toBe(sha(PNG));
  });
});
