import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { COMMAND_NAMES, type CommandName } from '../../../shared/contract';
import { AppFailure } from '../../../shared/errors';
import { LIMITS } from '../../../shared/model';
import { createRouter, type Handlers, type Router } from './router';

type MockHandlers = { [N in CommandName]: Mock<Handlers[N]> };

let handlers: MockHandlers;
let onInternalError: Mock<(name: string, error: unknown) => void>;
let router: Router;

const ID = 'item_0001-abcd';

beforeEach(() => {
  // One mock per contract command, so a new command is covered without editing this list.
  handlers = Object.fromEntries(COMMAND_NAMES.map((name) => [name, vi.fn()])) as unknown as MockHandlers;
  onInternalError = vi.fn();
  router = createRouter(handlers, onInternalError);
});

const noHandlerRan = () => {
  for (const name of COMMAND_NAMES) expect(handlers[name], name).not.toHaveBeenCalled();
};

const validDraft = { to: 'bob@example.com', subject: 'Hi', text: 'Hello' };

describe('valid requests', () => {
  it('calls the one handler with the parsed request and wraps its value', async () => {
    handlers['outbox.abort'].mockResolvedValue({ id: ID } as never);
    const result = await router.handle('outbox.abort', { id: ID });
    expect(result).toEqual({ ok: true, value: { id: ID } });
    expect(handlers['outbox.abort']).toHaveBeenCalledTimes(1);
    expect(handlers['outbox.abort']).toHaveBeenCalledWith({ id: ID });
    expect(handlers['outbox.get']).not.toHaveBeenCalled();
  });

  it('accepts a full draft and a synchronous handler', async () => {
    handlers['outbox.submit'].mockReturnValue({ id: ID } as never);
    const draft = {
      ...validDraft,
      accountId: 'account-01',
      cc: 'c@example.com',
      bcc: '',
      dsn: { notify: { success: true, failure: true, delay: false }, ret: 'full' as const },
      delaySeconds: 10,
    };
    expect(await router.handle('outbox.submit', draft)).toEqual({ ok: true, value: { id: ID } });
    expect(handlers['outbox.submit']).toHaveBeenCalledWith(draft);
  });

  it('routes every contract command to its own handler', async () => {
    for (const name of COMMAND_NAMES) (handlers[name] as Mock).mockResolvedValue(name);
    const requests: Record<CommandName, unknown> = {
      'outbox.submit': validDraft,
      'outbox.abort': { id: ID },
      'outbox.window': { view: 'sent', offset: 0, limit: 10 },
      'outbox.get': { id: ID },
      'outbox.retry': { id: ID },
      'outbox.delete': { id: ID },
      'drafts.save': { to: '', cc: '', bcc: '', subject: '', text: '', attachments: [] },
      'drafts.list': {},
      'drafts.delete': { id: ID },
      'attachments.put': { name: 'a.txt', type: 'text/plain', contentBase64: 'eA==' },
      'attachments.begin': { name: 'a.txt', type: 'text/plain', size: 1 },
      'attachments.append': { uploadId: 'upload-0001', offset: 0, chunkBase64: 'eA==' },
      'attachments.commit': { uploadId: 'upload-0001' },
      'attachments.cancel': { uploadId: 'upload-0001' },
      'transcript.get': { id: ID },
      'sandbox.list': {},
      'accounts.list': {},
      'accounts.save': { name: 'Work', fromAddress: 'me@example.com', host: 'smtp.example.com', port: 587, security: 'starttls', auth: { mechanism: 'plain', username: 'me' }, secret: 'pw' },
      'accounts.remove': { id: ID },
      'accounts.test': { id: ID },
      'accounts.trustCertificate': { id: ID, sha256: Array.from({ length: 32 }, () => 'AB').join(':') },
      'accounts.discover': { address: 'me@example.com' },
      'accounts.testIncoming': { id: ID },
      'mail.folders': {},
      'mail.list': { folderId: ID, offset: 0, limit: 50 },
      'mail.get': { id: ID },
      'mail.attachment': { id: ID, partId: '2', offset: 0 },
      'mail.allowRemoteContent': { id: ID, scope: 'sender' },
      'mail.sync': {},
      'mail.syncStatus': {},
      'mail.searchServer': { folderId: ID, query: 'x' },
      'app.status': {},
      'app.openExternal': { url: 'https://example.com/' },
      'settings.get': {},
      'settings.update': { undoSendSeconds: 10 },
      'app.restartToUpdate': {},
      'outbox.retrySentCopy': { id: ID },
      'mail.answerReceipt': { id: ID, send: true },
      'reports.unmatched': {},
      'mail.forwardAttachments': { id: ID, asMessage: false },
      'mail.act': { kind: 'seen', ids: [ID] },
      'mail.undo': { actionId: ID },
      'mail.emptyTrash': { folderId: ID },
      'mail.actions': {},
      'mail.dismissConflicts': { accountId: ID },
    };
    for (const name of COMMAND_NAMES) {
      expect(await router.handle(name, requests[name])).toEqual({ ok: true, value: name });
      expect(handlers[name]).toHaveBeenCalledTimes(1);
    }
  });
});

describe('unknown commands', () => {
  const names: unknown[] = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'outbox',
    'outbox.',
    'outbox.submit ',
    'OUTBOX.SUBMIT',
    'outbox.delete',
    'outbox:changed',
    '',
    42,
    null,
    undefined,
    {},
    ['app.status'],
    { toString: () => 'app.status' },
    Symbol('app.status'),
  ];
  for (const name of names) {
    it(`refuses ${typeof name === 'symbol' ? 'a symbol' : JSON.stringify(name) ?? String(name)} with INVALID_ARG`, async () => {
      const result = await router.handle(name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_ARG');
      noHandlerRan();
      expect(onInternalError).not.toHaveBeenCalled();
    });
  }
});

describe('malformed payloads', () => {
  const cases: [string, CommandName, unknown][] = [
    ['null', 'app.status', null],
    ['undefined', 'app.status', undefined],
    ['an array', 'app.status', []],
    ['a string', 'app.status', 'x'],
    ['an extra key on an empty request', 'app.status', { extra: 1 }],
    ['a __proto__ key', 'outbox.get', JSON.parse(`{"__proto__": {"polluted": true}, "id": "${ID}"}`)],
    ['a missing id', 'outbox.get', {}],
    ['a numeric id', 'outbox.abort', { id: 12345678 }],
    ['an id with a path', 'outbox.abort', { id: '../../etc/passwd' }],
    ['an id too short', 'transcript.get', { id: 'abc' }],
    ['an id too long', 'transcript.get', { id: 'a'.repeat(65) }],
    ['an id array', 'outbox.get', { id: [ID] }],
    ['a draft as array', 'outbox.submit', [validDraft]],
    ['a draft with an extra key', 'outbox.submit', { ...validDraft, from: 'ceo@example.com' }],
    ['a draft without subject', 'outbox.submit', { to: 'a@example.com', text: '' }],
    ['a numeric subject', 'outbox.submit', { ...validDraft, subject: 1 }],
    ['a subject with CR LF', 'outbox.submit', { ...validDraft, subject: 'Hi\r\nBcc: victim@example.com' }],
    ['a subject with LF', 'outbox.submit', { ...validDraft, subject: 'Hi\nthere' }],
    ['a subject with NUL', 'outbox.submit', { ...validDraft, subject: 'Hi\0' }],
    ['a subject over the limit', 'outbox.submit', { ...validDraft, subject: 'x'.repeat(LIMITS.subject + 1) }],
    ['a To over the limit', 'outbox.submit', { ...validDraft, to: 'a'.repeat(LIMITS.addressField + 1) }],
    ['a Bcc over the limit', 'outbox.submit', { ...validDraft, bcc: 'a'.repeat(LIMITS.addressField + 1) }],
    ['a body over the limit', 'outbox.submit', { ...validDraft, text: 'x'.repeat(LIMITS.bodyChars + 1) }],
    ['a null body', 'outbox.submit', { ...validDraft, text: null }],
    ['a delay over the limit', 'outbox.submit', { ...validDraft, delaySeconds: LIMITS.delaySeconds + 1 }],
    ['a negative delay', 'outbox.submit', { ...validDraft, delaySeconds: -1 }],
    ['a fractional delay', 'outbox.submit', { ...validDraft, delaySeconds: 1.5 }],
    ['a string delay', 'outbox.submit', { ...validDraft, delaySeconds: '5' }],
    ['an unknown RET', 'outbox.submit', { ...validDraft, dsn: { notify: { success: true, failure: true, delay: true }, ret: 'all' } }],
    ['a partial NOTIFY', 'outbox.submit', { ...validDraft, dsn: { notify: { success: true }, ret: 'full' } }],
    ['an extra DSN key', 'outbox.submit', { ...validDraft, dsn: { notify: { success: true, failure: true, delay: true }, ret: 'full', orcpt: 'x' } }],
    ['a bad account id', 'outbox.submit', { ...validDraft, accountId: 'no spaces allowed' }],
  ];
  for (const [what, name, payload] of cases) {
    it(`${name} with ${what} is INVALID_ARG and runs no handler`, async () => {
      const result = await router.handle(name, payload);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_ARG');
        expect(result.error.message.length).toBeLessThan(1000);
      }
      noHandlerRan();
    });
  }

  it('takes 1,000 recipients of 320 characters in one field, for a message and for its draft', async () => {
    const address = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(60)}@${'d'.repeat(247)}.example`;
    const to = Array.from({ length: 1000 }, (_, i) => address(i)).join(', ');
    expect(address(1)).toHaveLength(320);
    handlers['outbox.submit'].mockResolvedValue({ id: ID } as never);
    handlers['drafts.save'].mockResolvedValue({ id: ID } as never);
    expect((await router.handle('outbox.submit', { ...validDraft, to })).ok).toBe(true);
    expect((await router.handle('drafts.save', { to, cc: '', bcc: '', subject: '', text: '', attachments: [] })).ok).toBe(true);
  });

  it('says which field is too long with a reason each window words in its own language', async () => {
    const result = await router.handle('outbox.submit', { ...validDraft, cc: 'a'.repeat(LIMITS.addressField + 1) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_ARG');
      expect(result.error.reason).toEqual({ key: 'reason.fieldTooLong', values: { field: 'cc', max: LIMITS.addressField } });
    }
  });

  it('gives any other malformed request a reason too', async () => {
    const result = await router.handle('outbox.submit', { ...validDraft, delaySeconds: '5' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason?.key).toBe('reason.invalidRequest');
  });

  it('does not echo the rejected values in the message', async () => {
    const result = await router.handle('outbox.submit', { ...validDraft, subject: 'top-secret-value\r\nBcc: x@example.com' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('subject');
      expect(result.error.message).not.toContain('top-secret-value');
    }
  });

  it('accepts the limits themselves', async () => {
    handlers['outbox.submit'].mockResolvedValue({} as never);
    const draft = { to: 'a'.repeat(LIMITS.addressField), subject: 'x'.repeat(LIMITS.subject), text: '', delaySeconds: LIMITS.delaySeconds };
    expect((await router.handle('outbox.submit', draft)).ok).toBe(true);
  });
});

describe('handler failures', () => {
  it('an AppFailure becomes its own error, detail included, and is not logged as internal', async () => {
    handlers['outbox.abort'].mockRejectedValue(new AppFailure('TOO_LATE', 'Already handed to the server.', { state: 'sending' }));
    const result = await router.handle('outbox.abort', { id: ID });
    expect(result).toEqual({ ok: false, error: { code: 'TOO_LATE', message: 'Already handed to the server.', detail: { state: 'sending' } } });
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it('a synchronous AppFailure is handled the same way', async () => {
    handlers['outbox.get'].mockImplementation(() => {
      throw new AppFailure('NOT_FOUND', 'No such message.');
    });
    expect(await router.handle('outbox.get', { id: ID })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such message.' } });
  });

  it('a plain Error becomes INTERNAL with a generic message, and is reported', async () => {
    const boom = new Error('SQLITE_IOERR at /home/user/.config/secret.db');
    handlers['accounts.list'].mockRejectedValue(boom);
    const result = await router.handle('accounts.list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('SQLITE_IOERR');
      expect(result.error.message).not.toContain('secret');
      expect(result.error).not.toHaveProperty('detail');
    }
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect(onInternalError).toHaveBeenCalledWith('accounts.list', boom);
  });

  it('a thrown non-Error, or a look-alike of AppFailure, is INTERNAL too', async () => {
    handlers['app.status'].mockImplementation(() => {
      throw 'a string';
    });
    handlers['outbox.get'].mockRejectedValue({ appError: { code: 'NOT_FOUND', message: 'forged' } });
    const first = await router.handle('app.status', {});
    const second = await router.handle('outbox.get', { id: ID });
    expect(first.ok === false && first.error.code).toBe('INTERNAL');
    expect(second.ok === false && second.error.code).toBe('INTERNAL');
    expect(onInternalError).toHaveBeenCalledTimes(2);
  });
});
