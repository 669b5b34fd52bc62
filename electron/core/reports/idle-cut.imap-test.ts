/**
 * The IMAP line cut while the engine sits in IDLE (a TCP relay in front of a
 * real Dovecot resets it and refuses new connections for a while): mail
 * delivered during the outage appears once the line is back, and a delivery
 * report delivered then still updates the recipient it is about.
 */
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, MailList, SyncStatus } from '../../../shared/mail-model';
import type { Account, OutboxItem } from '../../../shared/model';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { startTcpProxy, type TcpProxy } from '../../../testing/dovecot/tcp-proxy';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let dovecot: DovecotInstance;
let proxy: TcpProxy;
let smtp: SMTPServer;
let smtpPort = 0;
let core: TestCore | undefined;

beforeAll(async () => {
  dovecot = await startDovecot();
  proxy = await startTcpProxy(dovecot.port);
  // The account's outgoing server: accepts everything and offers DSN, so the item carries its envelope id.
  smtp = new SMTPServer({ hideDSN: false, authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData: (stream, _session, done) => stream.on('end', () => done()).resume() });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await core?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await proxy?.close();
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

function failureReport(envid: string, recipient: string, messageId: string): string {
  return [
    'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
    'To: reader@example.test',
    'Subject: Undelivered Mail Returned to Sender',
    'Message-ID: <outage-report.1@mx.example.net>',
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="R1"',
    '',
    '--R1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Your message could not be delivered.',
    '',
    '--R1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    `Original-Envelope-Id: ${envid}`,
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
    '',
    '--R1',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${messageId}`,
    '',
    '--R1--',
    '',
  ].join('\r\n');
}

describe('the IMAP line cut during IDLE', () => {
  it('reconnects; mail and a delivery report delivered during the outage arrive, and the report updates its recipient', async () => {
    core = await startTestCore({ sqlite: true, imap: { minBackoffMs: 200, maxBackoffMs: 1_000, timeouts: { connect: 10_000, greeting: 10_000 } } });
    await core.ready;
    const account = await core.call<Account>('accounts.save', {
      name: 'Dovecot',
      fromAddress: 'reader@example.test',
      host: '127.0.0.1',
      port: smtpPort,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      incoming: { host: '127.0.0.1', port: proxy.port, security: 'none', username: dovecot.user, secret: dovecot.password },
    });
    const sent = await core.call<OutboxItem>('outbox.submit', { accountId: account.id, to: 'gone@example.org', subject: 'Will bounce', text: 'Hello' });
    const item = await core.waitForState(sent.id, 'sent', 30_000);

    const status = () => core!.call<SyncStatus[]>('mail.syncStatus', {}).then((all) => all.find((s) => s.accountId === account.id));
    await waitFor('first sync', status, (s) => s?.state === 'idle');
    const inbox = (await core.call<Folder[]>('mail.folders', {})).find((f) => f.accountId === account.id && f.role === 'inbox')!;
    // Let the engine settle into IDLE on INBOX, then cut it off and keep it off.
    await new Promise((r) => setTimeout(r, 1_000));
    const before = proxy.connections();
    proxy.refuse(true);
    proxy.cut();

    const other = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    other.on('error', () => undefined);
    await other.connect();
    try {
      await other.append('INBOX', `From: Someone <someone@example.org>\r\nSubject: Sent during the outage\r\nMessage-ID: <outage-mail@example.org>\r\nDate: ${new Date().toUTCString()}\r\n\r\nHello.\r\n`);
      await other.append('INBOX', failureReport(item.envid, 'gone@example.org', item.messageId));
    } finally {
      await other.logout().catch(() => undefined);
    }
    // The engine tries and is refused meanwhile; then the line is back.
    await waitFor('a refused reconnection attempt', async () => proxy.connections(), (n) => n > before, 30_000);
    proxy.refuse(false);

    const subjects = async () => (await core!.call<MailList>('mail.list', { folderId: inbox.id, offset: 0, limit: 50 })).rows.map((r) => r.subject);
    await waitFor('the mail delivered during the outage', subjects, (s) => s.includes('Sent during the outage') && s.includes('Undelivered Mail Returned to Sender'));
    const tracked = await waitFor('the report applied', () => core!.call<OutboxItem>('outbox.get', { id: sent.id }), (i) => i.recipients[0]?.delivery?.state === 'failed');
    expect(tracked.recipients[0]?.delivery?.events[0]).toMatchObject({ state: 'failed', status: '5.1.1' });
    // The engine settles again (it may still be taking in what arrived during the outage).
    await waitFor('idle again', status, (s) => s?.state === 'idle');
  });
});
