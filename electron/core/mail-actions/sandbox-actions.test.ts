/**
 * Mailbox actions on the local sandbox's mailbox (no server: done here only),
 * through a whole core: flags, archive and Undo, delete to Trash and for good,
 * empty Trash, bad requests, and a restart keeping what was done.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { Folder, MailActionResult, MailList } from '../../../shared/mail-model';
import type { OutboxItem } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const quiet = { notify: { success: false, failure: true, delay: true }, ret: 'headers' } as const;
const code = async (p: Promise<unknown>) => ((await p.then(() => null, (e: { appError: AppError }) => e.appError)) as AppError | null)?.code;

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 15_000;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`not reached: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const folder = async (c: TestCore, role: string) => (await c.call<Folder[]>('mail.folders', {})).find((f) => f.accountId === 'local-sandbox' && f.role === role);
const ids = async (c: TestCore, folderId: string) => (await c.call<MailList>('mail.list', { folderId, offset: 0, limit: 50 })).rows.map((r) => r.id);

describe('actions on the sandbox mailbox', () => {
  it('flags, archive and Undo, delete to Trash then for good, empty Trash', async () => {
    core = await startTestCore();
    for (const subject of ['One', 'Two', 'Three']) {
      const item = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject, text: subject, dsn: quiet });
      await core.waitForState(item.id, 'sent');
    }
    const inbox = await until(() => folder(core!, 'inbox'), (f) => f?.total === 3);
    const [a, b, c] = await ids(core, inbox!.id);

    const read = await core.call<MailActionResult>('mail.act', { kind: 'seen', ids: [a, b] });
    expect(read).toMatchObject({ kind: 'seen', count: 2, undoable: true });
    expect((await folder(core, 'inbox'))?.unread).toBe(1);
    await core.call('mail.act', { kind: 'flag', ids: [c] });
    expect((await core.call<MailList>('mail.list', { folderId: inbox!.id, offset: 0, limit: 50, flaggedOnly: true })).rows.map((r) => r.id)).toEqual([c]);

    const archived = await core.call<MailActionResult>('mail.act', { kind: 'archive', ids: [a] });
    expect(await ids(core, inbox!.id)).not.toContain(a);
    const archive = await folder(core, 'archive');
    expect(archive).toMatchObject({ total: 1 });
    expect(await ids(core, archive!.id)).toEqual([a]);
    await core.call('mail.undo', { actionId: archived.actionId });
    expect(await ids(core, inbox!.id)).toContain(a);
    expect((await folder(core, 'archive'))?.total).toBe(0);
    expect(await code(core.call('mail.undo', { actionId: archived.actionId }))).toBe('NOT_FOUND');

    await core.call('mail.act', { kind: 'delete', ids: [b, c] });
    const trash = await folder(core, 'trash');
    expect((await ids(core, trash!.id)).sort()).toEqual([b, c].sort());
    const forGood = await core.call<MailActionResult>('mail.act', { kind: 'delete', ids: [b] });
    expect(forGood.undoable).toBe(false);
    expect(await ids(core, trash!.id)).toEqual([c]);
    expect(await core.call('mail.emptyTrash', { folderId: trash!.id })).toEqual({ count: 1 });
    expect((await folder(core, 'trash'))?.total).toBe(0);
    expect(await code(core.call('mail.emptyTrash', { folderId: inbox!.id }))).toBe('INVALID_ARG');

    // A message delivered after one was moved away gets its own row, not the moved one's.
    await core.call('mail.act', { kind: 'archive', ids: [a] });
    const item = await core.call<OutboxItem>('outbox.submit', { to: 'ada@example.test', subject: 'Four', text: 'x', dsn: quiet });
    await core.waitForState(item.id, 'sent');
    await until(() => folder(core!, 'inbox'), (f) => f?.total === 1);
  });

  it('refuses unknown messages and malformed requests with codes', async () => {
    core = await startTestCore();
    expect(await code(core.call('mail.act', { kind: 'seen', ids: ['mNOSUCHMESSAGE'] }))).toBe('NOT_FOUND');
    expect(await code(core.call('mail.act', { kind: 'explode', ids: ['mNOSUCHMESSAGE'] }))).toBe('INVALID_ARG');
    expect(await code(core.call('mail.act', { kind: 'seen', ids: [] }))).toBe('INVALID_ARG');
    expect(await core.call('mail.actions', {})).toEqual([]);
  });
});
