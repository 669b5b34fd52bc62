/**
 * The in-memory core behind `?bench=reader`: the fake API answering with
 * fake mail (fake-mail.ts) and two receiving accounts, opened on the sandbox's
 * Inbox. Loaded only in that mode (a separate chunk).
 */
import type { MailApi } from '../../shared/contract';
import type { MessageDetail } from '../../shared/mail-model';
import { ok } from '../../shared/errors';
import { DEFAULT_SETTINGS } from '../../shared/model';
import { goTo } from '../store/navigate';
import { useReaderStore } from '../store/reader';
import { makeAccount, makeStatus } from '../store/test-fixtures';
import { fakeApi } from './fake-api';
import { outboxHandlers } from './fake-outbox';
import { fakeMail } from './fake-mail';

declare global {
  interface Window {
    /** `?bench=reader` only: lets a test deliver a message of its own (e2e/browser-host/reader-demo.spec.ts). */
    __readerDemo?: { deliver(message: { id: string; subject: string; html: string | null; text: string | null; hasRemoteContent: boolean }): void };
  }
}

/** `generated`: how many plain messages the sandbox's Inbox holds beside the crafted ones (the 100,000-row bench page). */
export function readerDemoApi(generated?: number): MailApi {
  const mail = generated === undefined ? fakeMail() : fakeMail(Date.now(), generated, true);
  const incoming = { host: 'imap.example.test', port: 993, security: 'tls' as const, username: 'ann', hasSecret: true, trustedCertificate: null, sentCopy: 'auto' as const, draftsOnServer: false };
  const fake = fakeApi({
    ...mail.handlers,
    ...outboxHandlers(() => []),
    'app.status': () => ok(makeStatus({ version: 'demo' })),
    'accounts.list': () =>
      ok([
        makeAccount({ id: 'local-sandbox', name: 'Local sandbox', from: { name: 'You', address: 'you@sandbox.test' }, host: '127.0.0.1', port: 2525, security: 'none', sandbox: true }),
        makeAccount({ id: 'work', name: 'Work', incoming }),
      ]),
    'settings.get': () => ok(DEFAULT_SETTINGS),
    'sandbox.list': () => ok([]),
    'drafts.list': () => ok([]),
    'transcript.get': () => ok([]),
  });
  window.__readerDemo = {
    deliver: (message) => {
      const template = mail.messages[mail.messages.length - 1] as MessageDetail;
      mail.add({ ...template, ...message, folderId: 'sbx-inbox', accountId: 'local-sandbox', date: Date.now(), attachments: [], remoteContentAllowed: false, flags: { ...template.flags, seen: false } });
      fake.emit('mail:changed', { folderId: 'sbx-inbox', added: [message.id], updated: [], removed: [] });
    },
  };
  return fake.api;
}

export function showDemoInbox(): void {
  useReaderStore.getState().showFolder('sbx-inbox');
  goTo('mail');
}
