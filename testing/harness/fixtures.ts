import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DSN, type Account, type OutboxItem } from '../../shared/model';
import { AttachmentStore } from '../../electron/core/attachments/attachment-store';

/** A complete outbox item for tests; each test overrides what it is about. */
export function makeItem(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 'item-0001',
    accountId: 'account-01',
    state: 'sending',
    messageId: '<0123456789abcdef.test@example.com>',
    envid: 'om-envelope-1',
    from: { name: 'Ann', address: 'ann@example.com' },
    recipients: [{ address: 'bob@example.com', field: 'to', state: 'pending' }],
    subject: 'Hello',
    text: 'Hello Bob.\n',
    html: null,
    attachments: [],
    dsn: DEFAULT_DSN,
    createdAt: Date.UTC(2024, 0, 2, 3, 4, 5),
    updatedAt: 0,
    notBefore: 0,
    attempts: 1,
    handedOffAt: null,
    sentAt: null,
    lastReply: null,
    error: null,
    warnings: [],
    threading: null,
    readReceipt: false,
    sentCopy: null,
    disposition: null,
    ...overrides,
  };
}

/** An attachment store in a fresh temporary folder. */
export const tempAttachmentStore = (): AttachmentStore => new AttachmentStore(mkdtempSync(join(tmpdir(), 'outbox-files-')));

/** A loopback account without login, for tests and test children that send to their own server. */
export function loopbackAccount(id: string, port: number, overrides: Partial<Account> = {}): Account {
  return {
    id,
    name: 'Test server',
    from: { address: 'sender@example.test' },
    host: '127.0.0.1',
    port,
    security: 'none',
    auth: { mechanism: 'none', username: '' },
    hasSecret: false,
    trustedCertificate: null,
    dsn: DEFAULT_DSN,
    sandbox: false,
    incoming: null,
    readReceipts: 'ask',
    signature: null,
    ...overrides,
  };
}
