/** New mail notices through the real core: mail the sandbox receives is announced once; the reports it writes itself are not. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Folder, NewMail } from '../../../shared/mail-model';
import type { OutboxItem } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('mail:newMail from the local sandbox', () => {
  it('announces a delivered message once, and not the delivery report the sandbox adds to the same Inbox', async () => {
    core = await startTestCore();
    const item = await core.call<OutboxItem>('outbox.submit', {
      to: 'Ada <ada@example.test>',
      subject: 'Lighthouse keeper wanted',
      text: 'Apply within.',
      // A success report too: the sandbox writes it into its own Inbox, which must stay quiet.
      dsn: { notify: { success: true, failure: true, delay: true }, ret: 'headers' },
    });
    await core.waitForState(item.id, 'sent');
    const until = Date.now() + 15_000;
    let inbox: Folder | undefined;
    while (Date.now() < until) {
      inbox = (await core.call<Folder[]>('mail.folders', {})).find((f) => f.accountId === 'local-sandbox' && f.total >= 2);
      if (inbox) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(inbox?.total).toBe(2);

    const notices = core.seen.filter((e) => e.name === 'mail:newMail').map((e) => e.payload as NewMail);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ accountId: 'local-sandbox', folderId: inbox!.id, count: 1 });
    expect(notices[0]!.latest).toHaveLength(1);
    expect(notices[0]!.latest[0]!.subject).toBe('Lighthouse keeper wanted');
  });
});
