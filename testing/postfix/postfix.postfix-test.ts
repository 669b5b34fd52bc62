/**
 * `npm run test:postfix`: the real core (SQLite store, spooler, nodemailer
 * transport) sends to Debian's Postfix on loopback, which delivers to local
 * users' Maildirs. What a scripted server cannot prove is checked here against
 * the real peer: the DSN parameters reach Postfix and come back in its RFC 3464
 * reports, a server that hides DSN gives NO_DSN_SUPPORT, an unknown user is a
 * per-recipient 550 5.1.1, and an SMTPUTF8 address is delivered.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountInput, ConnectionTest, DsnRequest, OutboxItem, TranscriptEntry } from '../../shared/model';
import { startTestCore, type TestCore } from '../harness/test-core';
import { deliveryStatus, ensureLocalUsers, readMaildir, type LocalUsers, type MaildirMessage } from './local-mail';
import { BOUNCE_ADDRESS, DOMAIN, requireRoot, startPostfix, type PostfixInstance } from './postfix-instance';

const USERS = {
  sender: 'ootest-sender',
  alice: 'ootest-alice',
  bob: 'ootest-bob',
  /** A UTF-8 local part (RFC 6531) that is a real local user: Postfix delivers it like any other. */
  petr: 'ootest-пётр',
} as const;
const at = (user: string) => `${user}@${DOMAIN}`;
const NOBODY = at('ootest-nobody');
const DSN: DsnRequest = { notify: { success: true, failure: true, delay: false }, ret: 'headers' };

let postfix: PostfixInstance | undefined;
let users: LocalUsers | undefined;
let core: TestCore | undefined;
const accounts = { dsn: '', noDsn: '' };

beforeAll(async () => {
  requireRoot();
  users = ensureLocalUsers(Object.values(USERS));
  postfix = await startPostfix();
  // One core for the file: the SQLite store allows one open database folder per process.
  core = await startTestCore({ sqlite: true });
  await core.ready;
  // Added the way Settings adds them, so the suite follows the account model as it grows.
  const save = (name: string, port: number) =>
    core!.call<Account>('accounts.save', {
      name,
      fromName: 'Outbox Test Sender',
      fromAddress: at(USERS.sender),
      host: '127.0.0.1',
      port,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      dsn: DSN,
    } satisfies AccountInput);
  accounts.dsn = (await save('Postfix', postfix.port)).id;
  accounts.noDsn = (await save('Postfix without DSN', postfix.noDsnPort)).id;
}, 120_000);

afterAll(async () => {
  await core?.close();
  if (core) rmSync(core.userDataDir, { recursive: true, force: true });
  const left = (await postfix?.stop()) ?? [];
  users?.remove();
  // Leave nothing running: every daemon of the instance is gone.
  expect(left, 'Postfix processes still running after stop').toEqual([]);
}, 60_000);

afterEach((context) => {
  if (context.task.result?.state === 'fail' && postfix) console.log(`--- Postfix log (${postfix.base}/maillog):\n${postfix.log().split('\n').slice(-40).join('\n')}`);
});

const BODY = 'Hello from the real-peer suite.';

async function send(accountId: string, to: string, dsn: DsnRequest = DSN): Promise<OutboxItem> {
  const queued = await core!.call<OutboxItem>('outbox.submit', { accountId, to, subject: `postfix suite ${Date.now()}`, text: `${BODY}\n`, dsn });
  // Until it settles: a failure shows its reason at once instead of a timeout.
  let item = queued;
  const deadline = Date.now() + 20_000;
  while (!['sent', 'failed'].includes(item.state) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    item = await core!.call<OutboxItem>('outbox.get', { id: queued.id });
  }
  if (item.state !== 'sent') {
    const lines = (await transcript(item.id)).map((l) => `${l.direction}: ${l.text}`).join('\n');
    throw new Error(`item to ${to} is ${item.state}, not sent: ${JSON.stringify(item.error)}\ntranscript:\n${lines}`);
  }
  return item;
}

const transcript = (id: string) => core!.call<TranscriptEntry[]>('transcript.get', { id });
const clientLines = (lines: TranscriptEntry[], verb: string) => lines.filter((l) => l.direction === 'client' && l.command === verb).map((l) => l.text);
/** "MAIL FROM:<a> SIZE=1 RET=HDRS" → { path: 'a', params: { SIZE: '1', RET: 'HDRS' } }; a keyword without value maps to ''. */
function envelopeCommands(lines: TranscriptEntry[], verb: 'MAIL' | 'RCPT'): { path: string; params: Record<string, string> }[] {
  return clientLines(lines, verb).map((text) => {
    const match = /^(?:MAIL FROM|RCPT TO):<([^>]*)>(.*)$/i.exec(text);
    if (!match) throw new Error(`not a ${verb} command: ${text}`);
    const params = (match[2] ?? '').trim().split(/\s+/).filter(Boolean);
    return { path: match[1] ?? '', params: Object.fromEntries(params.map((p) => [p.split('=')[0]!.toUpperCase(), p.slice(p.indexOf('=') + 1 || p.length)])) };
  });
}
/**
 * The server's EHLO reply on the connection that carried the item's MAIL FROM. A reused
 * connection was greeted in an earlier item's transcript, so all transcripts are searched.
 */
async function ehloReply(lines: TranscriptEntry[]): Promise<string> {
  const connectionId = lines.find((l) => l.direction === 'client' && l.command === 'MAIL')?.connectionId;
  const items = core!.listOutbox();
  const all = [lines, ...(await Promise.all(items.map((i) => transcript(i.id))))];
  for (const candidate of all) {
    const same = candidate.filter((l) => l.connectionId === connectionId);
    const i = same.findIndex((l) => l.direction === 'client' && l.command === 'EHLO');
    const reply = i < 0 ? undefined : same.slice(i + 1).find((l) => l.direction === 'server');
    if (reply) return reply.text;
  }
  throw new Error(`no EHLO found for connection ${connectionId}`);
}
/** Postfix's queue id, from "250 2.0.0 Ok: queued as 4F1B620C2F7". */
const queueIdOf = (item: OutboxItem) => /queued as ([0-9A-Za-z]+)/.exec(item.lastReply?.text ?? '')?.[1] ?? '';

/** Polls a Maildir until a message matches; the timeout message shows what is there. */
async function waitForMail(user: string, match: (m: MaildirMessage) => boolean, timeoutMs = 15_000): Promise<MaildirMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readMaildir(users!.home(user)).find(match);
    if (found) return found;
    if (Date.now() > deadline) {
      const subjects = readMaildir(users!.home(user)).map((m) => `${m.mail.header('Subject')} ${m.mail.header('Message-ID')}`);
      throw new Error(`no matching message for ${user} within ${timeoutMs} ms; the Maildir holds: ${JSON.stringify(subjects)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
const withMessageId = (messageId: string) => (m: MaildirMessage) => m.mail.header('Message-ID') === messageId;
const reportFor = (envid: string) => (m: MaildirMessage) => deliveryStatus(m.mail)?.message['original-envelope-id'] === envid;

/** Waits until Postfix is done with a queue file: every notice about it is logged before "removed". */
async function waitUntilRemoved(queueId: string): Promise<string[]> {
  await expect.poll(() => postfix!.log().includes(`${queueId}: removed`), { timeout: 15_000, interval: 100 }).toBe(true);
  return postfix!.log().split('\n').filter((line) => line.includes(`${queueId}:`));
}

describe('Postfix as the real peer', () => {
  it('passes RET, ENVID and NOTIFY to Postfix, which reports "delivered" (RFC 3464) to the sender with our ENVID', async () => {
    const item = await send(accounts.dsn, `${at(USERS.alice)}, Bob <${at(USERS.bob)}>`);
    expect(item.warnings).toEqual([]);
    expect(item.recipients.map((r) => [r.address, r.state])).toEqual([
      [at(USERS.alice), 'accepted'],
      [at(USERS.bob), 'accepted'],
    ]);
    expect(item.lastReply).toMatchObject({ code: 250, enhanced: '2.0.0' });
    const queueId = queueIdOf(item);
    expect(queueId).not.toBe('');

    // What went over the wire.
    const lines = await transcript(item.id);
    expect(await ehloReply(lines)).toMatch(/^250[ -]DSN$/m);
    const [mail] = envelopeCommands(lines, 'MAIL');
    expect(mail).toEqual({ path: at(USERS.sender), params: expect.objectContaining({ RET: 'HDRS', ENVID: item.envid }) });
    expect(envelopeCommands(lines, 'RCPT')).toEqual([
      { path: at(USERS.alice), params: { NOTIFY: 'SUCCESS,FAILURE' } },
      { path: at(USERS.bob), params: { NOTIFY: 'SUCCESS,FAILURE' } },
    ]);

    // Both recipients have the message, with the Message-ID fixed at submit.
    for (const user of [USERS.alice, USERS.bob]) {
      const delivered = await waitForMail(user, withMessageId(item.messageId));
      expect(delivered.mail.header('Return-Path')).toBe(`<${at(USERS.sender)}>`);
      expect(delivered.mail.header('Delivered-To')).toBe(at(user));
      expect(delivered.mail.header('Subject')).toBe(item.subject);
    }

    // Postfix's success report: what it says proves what it received.
    const report = await waitForMail(USERS.sender, reportFor(item.envid));
    expect(report.mail.header('Return-Path')).toBe('<>');
    expect(report.mail.header('Content-Type')).toMatch(/^multipart\/report;\s*report-type=delivery-status;/);
    const status = deliveryStatus(report.mail)!;
    expect(status.contentType).toMatch(/^message\/delivery-status/);
    // ENVID came back unchanged.
    expect(status.message).toMatchObject({ 'reporting-mta': `dns; ${DOMAIN}`, 'original-envelope-id': item.envid, 'x-postfix-queue-id': queueId });
    // NOTIFY=SUCCESS reached it: without it Postfix sends no success report at all.
    expect(status.recipients.map((r) => [r['final-recipient'], r.action, r.status])).toEqual(
      expect.arrayContaining([
        [`rfc822; ${at(USERS.alice)}`, 'delivered', '2.0.0'],
        [`rfc822; ${at(USERS.bob)}`, 'delivered', '2.0.0'],
      ]),
    );
    expect(status.recipients).toHaveLength(2);
    // The report quotes our headers (a success report always does, whatever RET says: RET is checked on a bounce below).
    const returned = report.mail.parts[2];
    expect(returned?.header('Content-Type')).toMatch(/^text\/rfc822-headers/);
    expect(returned?.body).toContain(`Message-ID: ${item.messageId}`);
  });

  it('a recipient that bounces after acceptance: RET=HDRS gets a headers-only failure report, NOTIFY=NEVER none', async () => {
    const item = await send(accounts.dsn, `${at(USERS.alice)}, ${BOUNCE_ADDRESS}`);
    // The server took both: the bounce comes later, by mail.
    expect(item.recipients.map((r) => [r.address, r.state])).toEqual([
      [at(USERS.alice), 'accepted'],
      [BOUNCE_ADDRESS, 'accepted'],
    ]);
    await waitForMail(USERS.alice, withMessageId(item.messageId));
    // Postfix sends the failure and the success notices separately; this is the failure one.
    const bounce = await waitForMail(USERS.sender, (m) => reportFor(item.envid)(m) && deliveryStatus(m.mail)!.recipients.some((r) => r.action === 'failed'));
    const status = deliveryStatus(bounce.mail)!;
    expect(status.message['original-envelope-id']).toBe(item.envid);
    expect(status.recipients).toEqual([
      expect.objectContaining({ 'final-recipient': `rfc822; ${BOUNCE_ADDRESS}`, action: 'failed', status: expect.stringMatching(/^5\.\d+\.\d+$/) }),
    ]);
    // Postfix returns the whole message on a bounce unless the sender said RET=HDRS.
    const returned = bounce.mail.parts[2];
    expect(returned?.header('Content-Type')).toMatch(/^text\/rfc822-headers/);
    expect(returned?.body).toContain(`Message-ID: ${item.messageId}`);
    expect(bounce.raw).not.toContain(BODY);

    // The same recipient with every notice turned off: NOTIFY=NEVER, and Postfix bounces in silence.
    const silent = await send(accounts.dsn, BOUNCE_ADDRESS, { notify: { success: false, failure: false, delay: false }, ret: 'headers' });
    expect(envelopeCommands(await transcript(silent.id), 'RCPT')).toEqual([{ path: BOUNCE_ADDRESS, params: { NOTIFY: 'NEVER' } }]);
    const log = (await waitUntilRemoved(queueIdOf(silent))).join('\n');
    expect(log).toMatch(/status=bounced/);
    expect(log).not.toMatch(/non-delivery notification/);
    expect(readMaildir(users!.home(USERS.sender)).filter(reportFor(silent.envid))).toEqual([]);
  });

  it('Test connection reads the EHLO of Postfix: DSN and SMTPUTF8 on one listener, no DSN on the other', async () => {
    const withDsn = await core!.call<ConnectionTest>('accounts.test', { id: accounts.dsn });
    expect(withDsn.greeting).toMatch(/^220 postfix\.test ESMTP/);
    expect(withDsn.capabilities).toMatchObject({ dsn: true, smtputf8: true, pipelining: true, eightBitMime: true, size: 10_240_000 });
    const withoutDsn = await core!.call<ConnectionTest>('accounts.test', { id: accounts.noDsn });
    expect(withoutDsn.capabilities).toMatchObject({ dsn: false, smtputf8: true });
  });

  it('reports NO_DSN_SUPPORT when Postfix does not advertise DSN (smtpd_discard_ehlo_keywords=dsn), and still delivers', async () => {
    const item = await send(accounts.noDsn, at(USERS.alice));
    expect(item.warnings).toEqual(['NO_DSN_SUPPORT']);
    expect(item.recipients).toMatchObject([{ address: at(USERS.alice), state: 'accepted' }]);

    const lines = await transcript(item.id);
    expect(await ehloReply(lines)).not.toMatch(/^250[ -]DSN$/m);
    // No DSN parameters offered to a server that did not ask for them.
    const [mail] = envelopeCommands(lines, 'MAIL');
    expect(mail?.path).toBe(at(USERS.sender));
    expect(mail?.params).not.toHaveProperty('RET');
    expect(mail?.params).not.toHaveProperty('ENVID');
    expect(envelopeCommands(lines, 'RCPT')).toEqual([{ path: at(USERS.alice), params: {} }]);

    await waitForMail(USERS.alice, withMessageId(item.messageId));
    // Postfix is done with it and wrote no success report (the default NOTIFY is FAILURE,DELAY).
    const log = await waitUntilRemoved(queueIdOf(item));
    expect(log.join('\n')).toMatch(/status=sent \(delivered to maildir\)/);
    expect(log.join('\n')).not.toMatch(/delivery status notification/);
    expect(readMaildir(users!.home(USERS.sender)).filter((m) => m.raw.includes(item.messageId))).toEqual([]);
  });

  it('an unknown local user gets a per-recipient 550 5.1.1; the other recipients are delivered', async () => {
    const item = await send(accounts.dsn, `${at(USERS.alice)}, ${NOBODY}, ${at(USERS.bob)}`);
    expect(item.state).toBe('sent');
    expect(item.error).toBeNull();
    expect(item.recipients.map((r) => [r.address, r.state, r.reply?.code, r.reply?.enhanced])).toEqual([
      [at(USERS.alice), 'accepted', undefined, undefined],
      [NOBODY, 'rejected', 550, '5.1.1'],
      [at(USERS.bob), 'accepted', undefined, undefined],
    ]);
    expect(item.recipients[1]?.reply?.text).toMatch(/User unknown in local recipient table/);

    const lines = await transcript(item.id);
    const rcpt = lines.findIndex((l) => l.direction === 'client' && l.text.startsWith(`RCPT TO:<${NOBODY}>`));
    expect(rcpt).toBeGreaterThan(-1);
    // Pipelined: the replies come back in command order; the second RCPT reply is the 550.
    const rcptReplies = lines.filter((l) => l.direction === 'server' && /^(250 2\.1\.5|550 5\.1\.1)/.test(l.text)).map((l) => l.code);
    expect(rcptReplies).toEqual([250, 550, 250]);

    for (const user of [USERS.alice, USERS.bob]) await waitForMail(user, withMessageId(item.messageId));
    // The success report covers the two delivered recipients only: the refused one never entered the queue.
    const status = deliveryStatus((await waitForMail(USERS.sender, reportFor(item.envid))).mail)!;
    expect(status.recipients.map((r) => [r['final-recipient'], r.action]).sort()).toEqual([
      [`rfc822; ${at(USERS.alice)}`, 'delivered'],
      [`rfc822; ${at(USERS.bob)}`, 'delivered'],
    ]);
  });

  it('delivers to an SMTPUTF8 address (a UTF-8 local part) and Postfix reports it delivered', async () => {
    const petr = at(USERS.petr);
    const item = await send(accounts.dsn, `Пётр <${petr}>, ${at(USERS.alice)}`);
    expect(item.warnings).toEqual([]);
    expect(item.recipients.map((r) => [r.address, r.state])).toEqual([
      [petr, 'accepted'],
      [at(USERS.alice), 'accepted'],
    ]);

    const lines = await transcript(item.id);
    expect(await ehloReply(lines)).toMatch(/^250[ -]SMTPUTF8$/m);
    const [mail] = envelopeCommands(lines, 'MAIL');
    expect(mail).toEqual({ path: at(USERS.sender), params: expect.objectContaining({ SMTPUTF8: '', RET: 'HDRS', ENVID: item.envid }) });
    // The UTF-8 local part goes on the wire as is (RFC 6531), not as some ASCII encoding.
    expect(envelopeCommands(lines, 'RCPT')[0]).toEqual({ path: petr, params: { NOTIFY: 'SUCCESS,FAILURE' } });

    const delivered = await waitForMail(USERS.petr, withMessageId(item.messageId));
    expect(delivered.mail.header('Delivered-To')).toBe(petr);
    // Postfix notes an SMTPUTF8 transaction in its Received line.
    expect(delivered.mail.header('Received')).toMatch(/with UTF8SMTP/);

    const report = await waitForMail(USERS.sender, reportFor(item.envid));
    const status = deliveryStatus(report.mail)!;
    // RFC 6533: a report about UTF-8 addresses is message/global-delivery-status, and names them "utf-8;".
    expect(status.contentType).toMatch(/^message\/global-delivery-status/);
    expect(status.recipients.map((r) => [r['final-recipient'], r.action]).sort()).toEqual([
      [`rfc822; ${at(USERS.alice)}`, 'delivered'],
      [`utf-8; ${petr}`, 'delivered'],
    ]);
  });
});
