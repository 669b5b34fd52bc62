import { describe, expect, it } from 'vitest';
import {
  AccountSchema,
  cancelState,
  DEFAULT_DSN,
  DraftInputSchema,
  DsnRequestSchema,
  IdSchema,
  LIMITS,
  OUTBOX_STATES,
  OutboxItemSchema,
  type DraftInput,
  type OutboxItem,
  type OutboxState,
} from './model';

const minimalDraft = { to: 'a@x.test', subject: 'Hello', text: 'Body' };

const fullDraft: DraftInput = {
  accountId: 'acct_0001',
  to: 'a@x.test',
  cc: 'b@y.test',
  bcc: 'c@z.test',
  subject: 'Hello',
  text: 'Body\r\nwith lines',
  dsn: { notify: { success: true, failure: true, delay: false }, ret: 'full' },
  delaySeconds: 10,
};

const accepts = (value: unknown) => DraftInputSchema.safeParse(value).success;

describe('DraftInputSchema', () => {
  it('accepts a minimal draft and returns it unchanged', () => {
    const parsed = DraftInputSchema.safeParse(minimalDraft);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(minimalDraft);
  });

  it('accepts a draft with every optional field', () => {
    expect(DraftInputSchema.parse(fullDraft)).toEqual(fullDraft);
  });

  it('accepts an empty To (the address check is the main process job) and an empty body', () => {
    expect(accepts({ to: '', subject: '', text: '' })).toBe(true);
  });

  it.each(['to', 'subject', 'text'] as const)('refuses a draft without %s', (field) => {
    const draft: Record<string, unknown> = { ...minimalDraft };
    delete draft[field];
    expect(accepts(draft)).toBe(false);
  });

  it('refuses unknown keys instead of stripping them', () => {
    expect(accepts({ ...minimalDraft, from: 'boss@x.test' })).toBe(false);
    expect(accepts({ ...minimalDraft, headers: { Bcc: 'evil@y.test' } })).toBe(false);
    expect(accepts({ ...minimalDraft, attachments: ['/etc/passwd'] })).toBe(false);
  });

  it('refuses an own "__proto__" key as sent over IPC', () => {
    const payload = JSON.parse('{"to":"a@x.test","subject":"s","text":"t","__proto__":{"polluted":true}}') as unknown;
    const parsed = DraftInputSchema.safeParse(payload);
    expect(parsed.success).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses unknown keys inside dsn as well', () => {
    expect(accepts({ ...minimalDraft, dsn: { ...DEFAULT_DSN, orcpt: 'x' } })).toBe(false);
    expect(accepts({ ...minimalDraft, dsn: { ...DEFAULT_DSN, notify: { ...DEFAULT_DSN.notify, never: true } } })).toBe(false);
  });

  it.each([
    ['CR', 'Hello\rBcc: evil@y.test'],
    ['LF', 'Hello\nBcc: evil@y.test'],
    ['CRLF', 'Hello\r\nBcc: evil@y.test'],
    ['NUL', 'Hello\0'],
  ])('refuses a subject containing %s', (_label, subject) => {
    expect(accepts({ ...minimalDraft, subject })).toBe(false);
  });

  it('accepts non-ASCII and tabs in the subject', () => {
    expect(accepts({ ...minimalDraft, subject: 'Привет\tмир 👋' })).toBe(true);
  });

  it.each([0, 1, 30, LIMITS.delaySeconds])('accepts delaySeconds %d', (delaySeconds) => {
    expect(accepts({ ...minimalDraft, delaySeconds })).toBe(true);
  });

  it.each([-1, LIMITS.delaySeconds + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null])(
    'refuses delaySeconds %s',
    (delaySeconds) => {
      expect(accepts({ ...minimalDraft, delaySeconds })).toBe(false);
    },
  );

  it.each([
    ['to as a number', { to: 42 }],
    ['to as an array', { to: ['a@x.test'] }],
    ['subject as null', { subject: null }],
    ['text as an object', { text: { html: '<b>' } }],
    ['cc as a number', { cc: 1 }],
    ['bcc as a boolean', { bcc: true }],
    ['dsn as a string', { dsn: 'SUCCESS' }],
    ['dsn.ret unknown', { dsn: { ...DEFAULT_DSN, ret: 'everything' } }],
    ['dsn.notify.success as a string', { dsn: { ...DEFAULT_DSN, notify: { ...DEFAULT_DSN.notify, success: 'yes' } } }],
    ['accountId path-like', { accountId: '../../etc/passwd' }],
  ])('refuses %s', (_label, patch) => {
    expect(accepts({ ...minimalDraft, ...patch })).toBe(false);
  });

  it('refuses something that is not an object at all', () => {
    for (const value of [null, undefined, 'draft', 1, [], [minimalDraft]]) expect(accepts(value)).toBe(false);
  });

  it('refuses an address field one character over the limit, and accepts it at the limit', () => {
    for (const field of ['to', 'cc', 'bcc'] as const) {
      expect(accepts({ ...minimalDraft, [field]: 'a'.repeat(LIMITS.addressField) })).toBe(true);
      expect(accepts({ ...minimalDraft, [field]: 'a'.repeat(LIMITS.addressField + 1) })).toBe(false);
    }
  });

  it('refuses a subject over 998 characters (RFC 5322 line limit), accepts 998', () => {
    expect(LIMITS.subject).toBe(998);
    expect(accepts({ ...minimalDraft, subject: 's'.repeat(998) })).toBe(true);
    expect(accepts({ ...minimalDraft, subject: 's'.repeat(999) })).toBe(false);
  });

  it('refuses a body over the limit instead of truncating it', () => {
    expect(accepts({ ...minimalDraft, text: 'x'.repeat(LIMITS.bodyChars) })).toBe(true);
    expect(accepts({ ...minimalDraft, text: 'x'.repeat(LIMITS.bodyChars + 1) })).toBe(false);
  });
});

describe('IdSchema', () => {
  it.each(['abcdefgh', 'ABCDEFGH', '01234567', 'a_b-c_d-', 'x'.repeat(64), 'V1StGXR8_Z5jdHi6B-myT'])('accepts %s', (id) => {
    expect(IdSchema.safeParse(id).success).toBe(true);
  });

  it.each([
    ['too short', 'abcdefg'],
    ['empty', ''],
    ['too long', 'x'.repeat(65)],
    ['path traversal', '../../etc/passwd'],
    ['a path with slashes', 'items/abcdefgh'],
    ['a Windows path', 'C:\\temp\\abcdefgh'],
    ['a dot', 'abcd.efgh'],
    ['a space', 'abcd efgh'],
    ['a trailing newline', 'abcdefgh\n'],
    ['a NUL', 'abcdefgh\0'],
    ['non-ASCII letters', 'abcdefgé'],
    ['a URL', 'file:///etc/passwd'],
  ])('refuses %s', (_label, id) => {
    expect(IdSchema.safeParse(id).success).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [12345678, null, undefined, ['abcdefgh'], { id: 'abcdefgh' }]) {
      expect(IdSchema.safeParse(value).success).toBe(false);
    }
  });
});

describe('DSN and account schemas', () => {
  it('DEFAULT_DSN is itself a valid request asking for every notification with headers only', () => {
    expect(DsnRequestSchema.parse(DEFAULT_DSN)).toEqual({
      notify: { success: true, failure: true, delay: true },
      ret: 'headers',
    });
  });

  const account = {
    id: 'sandbox1',
    name: 'Sandbox',
    from: { name: 'Me', address: 'me@x.test' },
    host: '127.0.0.1',
    port: 2525,
    security: 'none',
    auth: { mechanism: 'none', username: '' },
    hasSecret: false,
    trustedCertificate: null,
    dsn: DEFAULT_DSN,
    sandbox: true,
  };

  it('accepts a valid account and refuses ports outside 1..65535', () => {
    expect(AccountSchema.safeParse(account).success).toBe(true);
    for (const port of [0, 65536, 25.5, -25]) expect(AccountSchema.safeParse({ ...account, port }).success).toBe(false);
    expect(AccountSchema.safeParse({ ...account, security: 'ssl' }).success).toBe(false);
  });
});

describe('OutboxItemSchema', () => {
  const item: OutboxItem = {
    id: 'item00000001',
    accountId: 'sandbox1',
    state: 'queued',
    messageId: '<1@x.test>',
    envid: 'env1',
    from: { address: 'me@x.test' },
    recipients: [{ address: 'a@x.test', field: 'to', state: 'pending' }],
    subject: 's',
    text: 't',
    html: null,
    attachments: [],
    dsn: DEFAULT_DSN,
    createdAt: 1,
    updatedAt: 1,
    notBefore: 1,
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
  };

  it('accepts a well-formed item', () => {
    expect(OutboxItemSchema.parse(item)).toEqual(item);
  });

  it('requires handedOffAt to be present (null, not missing) so cancel decisions never see undefined', () => {
    const { handedOffAt: _omit, ...withoutHandOff } = item;
    expect(OutboxItemSchema.safeParse(withoutHandOff).success).toBe(false);
  });

  it('refuses unknown states, error codes and warnings', () => {
    expect(OutboxItemSchema.safeParse({ ...item, state: 'lost' }).success).toBe(false);
    expect(OutboxItemSchema.safeParse({ ...item, error: { code: 'OOPS', message: 'x' } }).success).toBe(false);
    expect(OutboxItemSchema.safeParse({ ...item, warnings: ['MAYBE'] }).success).toBe(false);
    expect(OutboxItemSchema.safeParse({ ...item, warnings: ['POSSIBLE_DUPLICATE'] }).success).toBe(true);
  });
});

describe('cancelState', () => {
  const at = (state: OutboxState, handedOffAt: number | null = null) => cancelState({ state, handedOffAt });

  it('allows cancelling queued and deferred items', () => {
    expect(at('queued')).toEqual({ possible: true });
    expect(at('deferred')).toEqual({ possible: true });
  });

  it('allows cancelling a sending item only until it is handed off', () => {
    expect(at('sending', null)).toEqual({ possible: true });
    const late = at('sending', 1_700_000_000_000);
    expect(late.possible).toBe(false);
    if (!late.possible) expect(late.reason).toMatch(/handed to the server/);
  });

  it('treats a hand-off at time 0 as handed off (not falsy)', () => {
    expect(at('sending', 0).possible).toBe(false);
  });

  it.each(['sent', 'cancelled', 'failed'] as const)('refuses for %s with a reason', (state) => {
    const result = at(state);
    expect(result.possible).toBe(false);
    if (!result.possible) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('gives reasons that tell the states apart', () => {
    const reasons = (['sent', 'cancelled', 'failed'] as const).map((s) => {
      const r = at(s);
      return r.possible ? '' : r.reason;
    });
    expect(new Set(reasons).size).toBe(3);
    expect(reasons[0]).toMatch(/sent/);
    expect(reasons[1]).toMatch(/cancelled/);
    expect(reasons[2]).toMatch(/failed/);
  });

  it('gives an answer for every state', () => {
    for (const state of OUTBOX_STATES) expect(typeof at(state).possible).toBe('boolean');
  });
});
