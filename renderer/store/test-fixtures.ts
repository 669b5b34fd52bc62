/** Test data builders shared by the renderer's unit tests and the benchmark's in-memory core (app/bench-api.ts). */
import { DEFAULT_DSN, type Account, type AppStatus, type Draft, type OutboxItem, type SandboxMessage, type TranscriptEntry } from '../../shared/model';

export function makeItem(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 'item-0001',
    accountId: 'account-1',
    state: 'queued',
    messageId: '<m1@example.test>',
    envid: 'env-1',
    from: { address: 'me@example.test' },
    recipients: [{ address: 'bob@example.test', field: 'to', state: 'pending' }],
    subject: 'Hello',
    text: 'Hi Bob',
    html: null,
    attachments: [],
    dsn: DEFAULT_DSN,
    createdAt: 1000,
    updatedAt: 1000,
    notBefore: 1000,
    attempts: 0,
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

export function makeEntry(overrides: Partial<TranscriptEntry> = {}): TranscriptEntry {
  return {
    itemId: 'item-0001',
    connectionId: 'c1',
    seq: 1,
    at: 1000,
    direction: 'server',
    text: '220 localhost ESMTP',
    ...overrides,
  };
}

export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: 'account-1',
    name: 'Work',
    from: { name: 'Ann Lee', address: 'ann@example.test' },
    host: 'smtp.example.test',
    port: 587,
    security: 'starttls',
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

export function makeDraft(overrides: Partial<Draft> = {}): Draft {
  return {
    id: 'draft-0001',
    updatedAt: 1000,
    to: 'bob@example.test',
    cc: '',
    bcc: '',
    subject: 'Draft subject',
    text: 'Draft text',
    attachments: [],
    ...overrides,
  };
}

export function makeSandboxMessage(overrides: Partial<SandboxMessage> = {}): SandboxMessage {
  return {
    id: 's1',
    receivedAt: 1,
    mailFrom: 'me@example.test',
    mailParams: {},
    rcptTo: [],
    size: 10,
    messageId: '<m@x>',
    subject: 'Hi',
    ...overrides,
  };
}

export function makeStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  return { phase: 'ready', recovery: { total: 0, done: 0 }, online: true, host: 'browser', version: '0.1.0', ...overrides };
}
