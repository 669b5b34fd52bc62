import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { Draft, OutboxItem, SendProgress, StoredAttachment } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore;
afterEach(async () => core?.close());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return (error as { appError: AppError }).appError;
  }
  throw new Error('expected the call to fail');
}

const blank = { to: '', cc: '', bcc: '', subject: '', text: '', attachments: [] };

describe('drafts', () => {
  it('saves, lists newest first, updates in place and deletes, announcing each change', async () => {
    core = await startTestCore();
    const first = await core.call<Draft>('drafts.save', { ...blank, subject: 'First' });
    const second = await core.call<Draft>('drafts.save', { ...blank, subject: 'Second', to: 'ada@' });
    const edited = await core.call<Draft>('drafts.save', { ...blank, id: first.id, subject: 'First, edited' });
    expect(edited.id).toBe(first.id);
    expect((await core.call<Draft[]>('drafts.list', {})).map((d) => d.subject)).toEqual(['First, edited', 'Second']);
    // Half-typed addresses are fine in a draft: it is not a message yet.
    expect(second.to).toBe('ada@');
    await core.call('drafts.delete', { id: second.id });
    expect((await core.call<Draft[]>('drafts.list', {})).map((d) => d.id)).toEqual([first.id]);
    expect(core.seen.filter((e) => e.name === 'drafts:changed').length).toBeGreaterThanOrEqual(4);
    expect((await failure(core.call('drafts.delete', { id: second.id }))).code).toBe('NOT_FOUND');
  });

  it('keeps attachments by hash, and a draft sent leaves Drafts in the same write that queues it', async () => {
    core = await startTestCore();
    const file = await core.call<StoredAttachment>('attachments.put', { name: 'notes.txt', type: 'text/plain', contentBase64: Buffer.from('hello').toString('base64') });
    expect(file).toMatchObject({ name: 'notes.txt', size: 5 });
    const ref = { name: file.name, type: file.type, sha256: file.sha256 };
    const draft = await core.call<Draft>('drafts.save', { ...blank, to: 'ada@example.test', subject: 'From a draft', attachments: [ref] });
    expect(draft.attachments).toEqual([file]);
    const item = await core.call<OutboxItem>('outbox.submit', { to: draft.to, subject: draft.subject, text: '', attachments: [ref], draftId: draft.id, delaySeconds: 60 });
    expect(item.attachments).toEqual([file]);
    expect(await core.call('drafts.list', {})).toEqual([]);
    // A reference to a file the store does not have is refused, not sent without it.
    const missing = { ...ref, sha256: 'f'.repeat(64) };
    expect((await failure(core.call('outbox.submit', { to: 'ada@example.test', subject: 'x', text: '', attachments: [missing] }))).code).toBe('INVALID_ARG');
    expect((await failure(core.call('drafts.save', { ...blank, attachments: [missing] }))).code).toBe('INVALID_ARG');
  });
});

describe('outbox.delete and progress', () => {
  it('deletes finished messages only; a waiting one must be cancelled first', async () => {
    core = await startTestCore();
    const held = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Held', text: '', delaySeconds: 60 });
    expect((await failure(core.call('outbox.delete', { id: held.id }))).code).toBe('ILLEGAL_STATE');
    await core.call('outbox.abort', { id: held.id });
    await core.call('outbox.delete', { id: held.id });
    expect((await failure(core.call('outbox.get', { id: held.id }))).code).toBe('NOT_FOUND');
    expect(core.seen.some((e) => e.name === 'outbox:removed' && (e.payload as { id: string }).id === held.id)).toBe(true);
  });

  it('reports the bytes handed to the server while a big message is in DATA', async () => {
    core = await startTestCore();
    const big = { name: 'big.bin', type: 'application/octet-stream', contentBase64: Buffer.alloc(400_000, 7).toString('base64') };
    const item = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Big', text: '', attachments: [big] });
    await core.waitForState(item.id, 'sent');
    const progress = core.seen.filter((e) => e.name === 'smtp:progress').map((e) => e.payload as SendProgress);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((p) => p.itemId === item.id && p.sent <= p.total)).toBe(true);
    const sent = progress.map((p) => p.sent);
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
    expect(sent.at(-1)).toBeGreaterThan(400_000 * 4 / 3);
  });
});
