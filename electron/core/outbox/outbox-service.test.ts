import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { OutboxItem, SandboxMessage, TranscriptEntry } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore;
afterEach(async () => core?.close());

const draft = (over: Record<string, unknown> = {}) => ({ to: 'Ada <ada@example.test>', subject: 'Hello', text: 'Body', ...over });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return (error as { appError: AppError }).appError;
  }
  throw new Error('expected the call to fail');
}

describe('outbox.submit', () => {
  it('stores a queued item with a fixed Message-ID and ENVID and announces it', async () => {
    core = await startTestCore();
    const item = await core.call<OutboxItem>('outbox.submit', draft({ delaySeconds: 30 }));
    expect(item.state).toBe('queued');
    expect(item.messageId).toMatch(/^<[^<>@\s]+@sandbox\.test>$/);
    expect(item.envid).toMatch(/^[\x21-\x2a\x2c-\x3c\x3e-\x7e]+$/); // xtext-safe: no '+' or '='
    expect(item.recipients).toEqual([{ name: 'Ada', address: 'ada@example.test', field: 'to', state: 'pending' }]);
    expect(item.notBefore - item.createdAt).toBe(30_000);
    expect(await core.call('outbox.get', { id: item.id })).toEqual(item);
    expect(core.seen.some((e) => e.name === 'outbox:changed' && (e.payload as OutboxItem).id === item.id)).toBe(true);
  });

  it('refuses invalid addresses with every offender named, and stores nothing', async () => {
    core = await startTestCore();
    const error = await failure(core.call('outbox.submit', draft({ to: 'ok@example.test, bob@', cc: 'not-an-address' })));
    expect(error.code).toBe('INVALID_ADDRESS_LIST');
    expect(error.message).toContain('bob@');
    expect(error.detail?.invalid).toEqual([
      { field: 'to', input: 'bob@', reason: 'missing the domain after @' },
      { field: 'cc', input: 'not-an-address', reason: 'missing @' },
    ]);
    expect(core.listOutbox()).toEqual([]);
  });

  it('refuses a line break smuggled into a display name or address, whatever the field', async () => {
    core = await startTestCore();
    for (const field of ['to', 'cc', 'bcc']) {
      const error = await failure(core.call('outbox.submit', draft({ [field]: 'Evil\r\nBcc: victim@example.test <ada@example.test>' })));
      expect(error.code, field).toBe('INVALID_ADDRESS_LIST');
    }
    expect(core.listOutbox()).toEqual([]);
  });

  it('asks for the delivery receipts the account sets unless the message says otherwise', async () => {
    core = await startTestCore();
    const onlyFailures = { notify: { success: false, failure: true, delay: false }, ret: 'full' as const };
    await core.db.accounts.update('local-sandbox', { dsn: onlyFailures });
    expect((await core.call<OutboxItem>('outbox.submit', draft({ delaySeconds: 60 }))).dsn).toEqual(onlyFailures);
    const never = { notify: { success: false, failure: false, delay: false }, ret: 'headers' as const };
    expect((await core.call<OutboxItem>('outbox.submit', draft({ delaySeconds: 60, dsn: never }))).dsn).toEqual(never);
  });

  it('refuses a message without recipients', async () => {
    core = await startTestCore();
    expect((await failure(core.call('outbox.submit', draft({ to: ' , ' })))).code).toBe('INVALID_ADDRESS_LIST');
  });

  it('sends one RCPT per address even when it is in To and Cc', async () => {
    core = await startTestCore();
    const item = await core.call<OutboxItem>('outbox.submit', draft({ to: 'ada@example.test', cc: 'ADA@example.test, bob@example.test', bcc: 'carol@example.test' }));
    expect(item.recipients.map((r) => [r.address, r.field])).toEqual([
      ['ada@example.test', 'to'],
      ['bob@example.test', 'cc'],
      ['carol@example.test', 'bcc'],
    ]);
  });

  it('sends to the sandbox: Sent, every recipient accepted, the reply and transcript kept, Bcc not in the headers', async () => {
    core = await startTestCore();
    const item = await core.call<OutboxItem>('outbox.submit', draft({ cc: 'bob@example.test', bcc: 'secret@example.test', text: 'line\n.\nafter a dot' }));
    const sent = await core.waitForState(item.id, 'sent');
    expect(sent.recipients.every((r) => r.state === 'accepted')).toBe(true);
    expect(sent.lastReply?.code).toBe(250);
    expect(sent.warnings).toEqual([]);
    expect(sent.attempts).toBe(1);
    const [received] = await core.call<SandboxMessage[]>('sandbox.list', {});
    expect(received?.messageId).toBe(item.messageId);
    expect(received?.mailParams).toMatchObject({ ENVID: item.envid, RET: 'HDRS' });
    expect(received?.rcptTo.map((r) => r.address).sort()).toEqual(['ada@example.test', 'bob@example.test', 'secret@example.test']);
    expect(received?.rcptTo[0]?.params.NOTIFY).toBe('SUCCESS,FAILURE,DELAY');
    const transcript = await core.call<TranscriptEntry[]>('transcript.get', { id: item.id });
    expect(transcript.find((l) => l.direction === 'client' && l.command === 'EHLO')).toBeTruthy();
    // The connection stays open for the next message, so the item's conversation ends with the final reply.
    expect(transcript.at(-1)?.text).toMatch(/^250 Ok: kept as/);
    expect(transcript.some((l) => l.direction === 'server' && l.code === 250 && /kept as/.test(l.text))).toBe(true);
  });
});

describe('attachments', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 7)]);

  it('keeps the bytes as a content-addressed file and sends them as a MIME part', async () => {
    core = await startTestCore();
    const item = await core.call<OutboxItem>('outbox.submit', draft({ attachments: [{ name: 'Отчёт 2026.pdf', type: 'application/pdf', contentBase64: pdf.toString('base64') }] }));
    const [stored] = item.attachments;
    expect(stored).toMatchObject({ name: 'Отчёт 2026.pdf', type: 'application/pdf', size: pdf.length });
    const file = join(core.userDataDir, 'attachments', stored!.sha256.slice(0, 2), stored!.sha256);
    expect(readFileSync(file).equals(pdf)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    await core.waitForState(item.id, 'sent');
    const [received] = await core.call<SandboxMessage[]>('sandbox.list', {});
    const eml = readFileSync(join(core.userDataDir, 'sandbox', `${received!.id}.eml`), 'utf8');
    expect(eml).toMatch(/Content-Type: application\/pdf/);
    expect(eml.replace(/\r?\n/g, '')).toContain(pdf.toString('base64'));
  });

  it('a message whose attachment file vanished is rebuilt once, then fails with the reason; the queue goes on', async () => {
    core = await startTestCore();
    const broken = await core.call<OutboxItem>('outbox.submit', draft({ subject: 'Broken', delaySeconds: 1, attachments: [{ name: 'gone.bin', type: 'application/octet-stream', contentBase64: 'AAEC' }] }));
    const fine = await core.call<OutboxItem>('outbox.submit', draft({ subject: 'Fine', delaySeconds: 1 }));
    const sha = broken.attachments[0]!.sha256;
    rmSync(join(core.userDataDir, 'attachments', sha.slice(0, 2), sha));

    const failed = await core.waitForState(broken.id, 'failed');
    expect(failed.error).toEqual({
      code: 'CORRUPT_DATA',
      message: 'The message could not be rebuilt: the file of the attachment "gone.bin" is missing',
      // The same, for each window to word in its language: the missing file's name, inside the failure.
      reason: { key: 'reason.rebuildFailed', values: { reason: { key: 'reason.attachmentMissing', values: { name: 'gone.bin' } } } },
    });
    expect(failed.attempts).toBe(0);
    await core.waitForState(fine.id, 'sent');
    expect((await core.call<SandboxMessage[]>('sandbox.list', {})).map((m) => m.subject)).toEqual(['Fine']);
  });

  it('refuses names that are paths or carry control characters', async () => {
    core = await startTestCore();
    for (const name of ['../etc/passwd', 'a/b.txt', 'C:\\x.txt', 'x\u0000.txt', 'x\r\n.txt', '..']) {
      const error = await failure(core.call('outbox.submit', draft({ attachments: [{ name, type: 'text/plain', contentBase64: 'eA==' }] })));
      expect(error.code, name).toBe('INVALID_ARG');
    }
    expect(core.listOutbox()).toEqual([]);
  });
});

describe('undo-send and send later', () => {
  it('holds each message for the undo-send setting unless the draft says otherwise', async () => {
    core = await startTestCore();
    expect(await core.call('settings.update', { undoSendSeconds: 7 })).toMatchObject({ undoSendSeconds: 7 });
    expect(core.seen.some((e) => e.name === 'settings:changed')).toBe(true);
    const held = await core.call<OutboxItem>('outbox.submit', draft());
    expect(held.notBefore - held.createdAt).toBe(7000);
    const now = await core.call<OutboxItem>('outbox.submit', draft({ delaySeconds: 0 }));
    expect(now.notBefore).toBe(now.createdAt);
    expect((await failure(core.call('settings.update', { undoSendSeconds: 61 }))).code).toBe('INVALID_ARG');
    expect(await core.call('settings.get', {})).toMatchObject({ undoSendSeconds: 7 });
  });

  it('stores Send later as the time the message may leave, and refuses a time in the past', async () => {
    core = await startTestCore();
    const sendAt = Date.now() + 3 * 3600_000;
    const later = await core.call<OutboxItem>('outbox.submit', draft({ sendAt }));
    expect(later.notBefore).toBe(sendAt);
    expect((await failure(core.call('outbox.submit', draft({ sendAt: Date.now() - 3600_000 })))).code).toBe('INVALID_ARG');
    expect((await failure(core.call('outbox.submit', draft({ sendAt: Date.now() + 400 * 24 * 3600_000 })))).message).toMatch(/more than a year/);
  });
});

describe('outbox.abort', () => {
  it('cancels a held message; it never reaches the server; a second cancel is refused', async () => {
    core = await startTestCore();
    const item = await core.call<OutboxItem>('outbox.submit', draft({ delaySeconds: 1 }));
    const cancelled = await core.call<OutboxItem>('outbox.abort', { id: item.id });
    expect(cancelled.state).toBe('cancelled');
    expect((await failure(core.call('outbox.abort', { id: item.id }))).code).toBe('ILLEGAL_STATE');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await core.call<OutboxItem>('outbox.get', { id: item.id })).state).toBe('cancelled');
    expect(await core.call('sandbox.list', {})).toEqual([]);
  });

  it('says TOO_LATE once the message is sent, and NOT_FOUND for an unknown id', async () => {
    core = await startTestCore();
    const item = await core.call<OutboxItem>('outbox.submit', draft());
    await core.waitForState(item.id, 'sent');
    const error = await failure(core.call('outbox.abort', { id: item.id }));
    expect(error.code).toBe('TOO_LATE');
    expect((await failure(core.call('outbox.abort', { id: '00000000-0000-0000-0000-000000000000' }))).code).toBe('NOT_FOUND');
  });
});
