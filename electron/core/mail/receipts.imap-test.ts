/**
 * Answering read-receipt requests on a real IMAP account (Dovecot), under the
 * account's "always": a request whose address is the envelope sender is
 * answered as the message opens, automatically, and the receipt reaches the
 * account's SMTP server as a report; one whose address differs from the
 * Return-Path is asked about instead; one in Junk is never answered.
 */
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, MailList, MessageDetail } from '../../../shared/mail-model';
import type { Account, OutboxItem } from '../../../shared/model';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { parseReport } from '../reports/report-message';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let dovecot: DovecotInstance;
let smtp: SMTPServer;
let smtpPort = 0;
const received: { to: string[]; raw: Buffer }[] = [];
let core: TestCore | undefined;

beforeAll(async () => {
  dovecot = await startDovecot();
  smtp = new SMTPServer({
    hideDSN: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await core?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await dovecot?.stop();
});

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`${what} not reached within ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const request = (subject: string, id: string, returnPath: string) =>
  [`Return-Path: <${returnPath}>`, 'From: Carol <carol@example.org>', 'To: reader@example.test', `Subject: ${subject}`, `Message-ID: <${id}>`, `Date: ${new Date().toUTCString()}`, 'Disposition-Notification-To: carol@example.org', '', 'Confirm?', ''].join('\r\n');

describe('read-receipt requests on an IMAP account set to "always"', () => {
  it('answers automatically only when the receipt goes back to the envelope sender, and never in Junk', async () => {
    const other = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    other.on('error', () => undefined);
    await other.connect();
    try {
      await other.append('INBOX', request('Same sender', 'same@example.org', 'carol@example.org'));
      await other.append('INBOX', request('Other sender', 'other@example.org', 'bounces@lists.example.org'));
      await other.append('Junk', request('Junk request', 'junk@example.org', 'carol@example.org'));
    } finally {
      await other.logout().catch(() => undefined);
    }

    core = await startTestCore({ sqlite: true, imap: { minBackoffMs: 200, maxBackoffMs: 1_000 } });
    await core.ready;
    const account = await core.call<Account>('accounts.save', {
      name: 'Dovecot',
      fromAddress: 'reader@example.test',
      host: '127.0.0.1',
      port: smtpPort,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      readReceipts: 'always',
      incoming: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, secret: dovecot.password },
    });
    expect(account.readReceipts).toBe('always');
    const idOf = async (role: string, subject: string) => {
      const folder = (await core!.call<Folder[]>('mail.folders', {})).find((f) => f.accountId === account.id && f.role === role);
      if (!folder) return undefined;
      const list = await core!.call<MailList>('mail.list', { folderId: folder.id, offset: 0, limit: 50 });
      return list.rows.find((r) => r.subject === subject)?.id;
    };
    const synced = (role: string, subject: string) => waitFor(subject, () => idOf(role, subject), (id) => id !== undefined) as Promise<string>;

    const same = await core.call<MessageDetail>('mail.get', { id: await synced('inbox', 'Same sender') });
    expect(same.receiptRequest).toEqual({ address: 'carol@example.org', answer: 'sent' });
    const [item] = core.listOutbox();
    expect(item?.disposition).toMatchObject({ mode: 'automatic', originalMessageId: 'same@example.org', finalRecipient: 'reader@example.test' });
    await core.waitForState(item!.id, 'sent', 30_000);
    const wire = received.find((m) => m.to.includes('carol@example.org'))!;
    const report = parseReport(wire.raw);
    expect(report.kind === 'disposition' && report.disposition).toMatchObject({ disposition: 'displayed', mode: 'automatic-action/mdn-sent-automatically', originalMessageId: 'same@example.org' });

    const differs = await core.call<MessageDetail>('mail.get', { id: await synced('inbox', 'Other sender') });
    expect(differs.receiptRequest).toEqual({ address: 'carol@example.org', answer: 'pending' });
    const junk = await core.call<MessageDetail>('mail.get', { id: await synced('junk', 'Junk request') });
    expect(junk.receiptRequest ?? null).toBeNull();
    expect((core.listOutbox()).length).toBe(1);
  });
});
