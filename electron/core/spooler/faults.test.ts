/**
 * Fault injection: a whole core sends to servers that fail in every way the
 * issue lists, and each case asserts what the item became, why, and whether it
 * will be tried again (RFC 5321 §4.2.1: 4yz and a lost line are transient, 5yz
 * permanent). A raw scripted server covers what smtp-server cannot express
 * (bad greetings, dropped lines, 421 anywhere, silence); smtp-server hooks
 * cover per-recipient replies and DSN parameters.
 */
import type { SMTPServerAddress } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import type { OutboxItem, Recipient, TranscriptEntry } from '../../../shared/model';
import { SANDBOX_ACCOUNT_ID } from '../accounts/accounts-service';
import { parseReply } from '../smtp/reply';
import { closedPort, replyAndClose, startScriptedSmtpServer, type Script, type Stage } from '../../../testing/harness/scripted-smtp-server';
import { smtpError, startTestSmtpServer, type TestSmtpServer, type TestSmtpServerOptions } from '../../../testing/harness/smtp-test-server';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const ADA = 'ada@example.test';
const BOB = 'bob@example.test';
/** Short enough that the silent cases end in well under a second. */
const FAST_TIMEOUTS = { connect: 1000, greeting: 300, socket: 500 };

type ServerSpec = { script: Script } | { smtp: TestSmtpServerOptions } | 'refused';

interface Target {
  port: number;
  /** Messages the server took in full (data up to the final dot). */
  delivered(): number;
  smtp?: TestSmtpServer;
  close(): Promise<void>;
}

interface FaultCase {
  name: string;
  server: ServerSpec;
  state: 'deferred' | 'failed' | 'sent';
  code: ErrorCode | null;
  /** Whether the spooler will try the item again (deferred), or is done with it (failed or sent). */
  retries: boolean;
  /** The server's reply line: in the transcript, and (unless per recipient) in error.message and lastReply. */
  reply?: string;
  /** The reply is about some recipients only: it is on them, not on the item. */
  perRecipient?: boolean;
  /** How error.message names what happened (only where the wording cannot depend on timing). */
  message?: RegExp;
  /** The reason's catalogue key: what the window words, stable however the line went down. */
  reasonKey?: string;
  /** Not even a greeting came: the item waits for the server without using an attempt (spooler reachability). */
  unreachable?: boolean;
  /** [address, state, reply code]; default: both still pending. */
  recipients?: [string, Recipient['state'], number?][];
  /** POSSIBLE_DUPLICATE expected (handed off, no reply); unchecked when undefined. */
  duplicate?: boolean;
  delivered?: number;
  warnings?: string[];
  timeouts?: boolean;
  /** Case-specific checks. */
  also?: (target: Target, item: OutboxItem) => void;
}

let core: TestCore | undefined;
const targets: Target[] = [];
afterEach(async () => {
  await core?.close();
  core = undefined;
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

async function serve(spec: ServerSpec): Promise<Target> {
  let target: Target;
  if (spec === 'refused') {
    target = { port: await closedPort(), delivered: () => 0, close: async () => undefined };
  } else if ('script' in spec) {
    const server = await startScriptedSmtpServer(spec.script);
    target = { port: server.port, delivered: () => server.messages.length, close: () => server.close() };
  } else {
    const smtp = await startTestSmtpServer({ hideDSN: false, ...spec.smtp });
    target = { port: smtp.port, delivered: () => smtp.messages.length, smtp, close: () => smtp.close() };
  }
  targets.push(target);
  return target;
}

async function useServer(port: number): Promise<void> {
  const account = await core!.db.accounts.get(SANDBOX_ACCOUNT_ID);
  await core!.db.accounts.put({ ...account!, port });
}

const submit = () => core!.call<OutboxItem>('outbox.submit', { to: `${ADA}, ${BOB}`, subject: 'Faults', text: 'Hello.\n' });
const transcript = (id: string) => core!.call<TranscriptEntry[]>('transcript.get', { id });
const script = (stages: Script['stages'], ehlo?: string[]): ServerSpec => ({ script: { stages, ...(ehlo ? { ehlo } : {}) } });

/** Where no recipient was answered on its own: all wait for the next try, or are refused when the message failed for good; each with the reply that ended the attempt. */
const settled = (c: FaultCase): FaultCase['recipients'] => {
  const code = c.reply ? Number(c.reply.slice(0, 3)) : null;
  return [ADA, BOB].map((address) => [address, c.state === 'failed' ? 'rejected' : 'pending', ...(code ? [code] : [])]) as FaultCase['recipients'];
};

// ---- the table -------------------------------------------------------------

const R421 = '421 4.3.2 Service shutting down';
const REPLIES: Record<number, string> = {
  451: '451 4.3.0 Local error in processing',
  452: '452 4.3.1 Insufficient system storage',
  550: '550 5.7.1 Access denied',
  552: '552 5.3.4 Message size exceeds fixed limit',
  554: '554 5.5.0 Transaction failed',
};

/** How error.message says where it happened; EHLO falls back to HELO (nodemailer), so both get the reply. */
const WHERE: Record<string, RegExp> = {
  EHLO: /at HELO\.$/,
  MAIL: /at MAIL\.$/,
  RCPT: /at RCPT\.$/,
  DATA: /at DATA\.$/,
  DOT: /after the message data\.$/,
};

const connectionCases: FaultCase[] = [
  {
    name: 'connection refused',
    server: 'refused',
    state: 'deferred',
    code: 'NOT_CONNECTED',
    retries: true,
    unreachable: true,
    message: /ECONNREFUSED/,
  },
  {
    name: 'accepted, then dropped before the greeting',
    server: script({ greeting: 'drop' }),
    state: 'deferred',
    code: 'NOT_CONNECTED',
    retries: true,
    reasonKey: 'reason.cannotTalk',
  },
  {
    name: 'greeting 554',
    server: script({ greeting: '554 5.3.2 No SMTP service here' }),
    state: 'failed',
    code: 'SERVER_REJECTED',
    retries: false,
    reply: '554 5.3.2 No SMTP service here',
  },
  {
    name: 'never answers: no greeting',
    server: script({ greeting: 'silent' }),
    state: 'deferred',
    code: 'TIMEOUT',
    retries: true,
    message: /no greeting/,
    timeouts: true,
  },
  {
    name: 'never answers: EHLO unanswered',
    server: script({ EHLO: 'silent' }),
    state: 'deferred',
    code: 'TIMEOUT',
    retries: true,
    message: /stopped answering/,
    timeouts: true,
  },
  {
    name: 'never answers: silent after EHLO',
    server: script({ MAIL: 'silent' }),
    state: 'deferred',
    code: 'TIMEOUT',
    retries: true,
    message: /stopped answering/,
    timeouts: true,
  },
  {
    name: 'never answers: silent after the final dot (handed off, no reply)',
    server: script({ DOT: 'silent' }),
    state: 'deferred',
    code: 'TIMEOUT',
    retries: true,
    message: /stopped answering/,
    duplicate: true,
    delivered: 1,
    timeouts: true,
  },
];

const DROPS: [string, Stage][] = [
  ['after the greeting (EHLO unanswered)', 'EHLO'],
  ['after EHLO', 'MAIL'],
  ['after MAIL', 'RCPT'],
  ['after RCPT', 'DATA'],
  ['mid-DATA', 'BODY'],
  ['after the final dot (handed off, no reply)', 'DOT'],
];
const dropCases: FaultCase[] = DROPS.map(([when, stage]) => ({
  name: `line dropped ${when}`,
  server: script({ [stage]: 'drop' }),
  state: 'deferred',
  code: 'NOT_CONNECTED',
  retries: true,
  // Which words the system uses ("closed unexpectedly", "ended by the other party") depends on when the line
  // went down: the code and the reason's key do not.
  reasonKey: 'reason.cannotTalk',
  // Mid-DATA the dot may or may not have left before the line went: not checked.
  ...(stage === 'DOT' ? { duplicate: true, delivered: 1 } : stage === 'BODY' ? {} : { duplicate: false, delivered: 0 }),
}));

const STAGES_421: Stage[] = ['greeting', 'EHLO', 'MAIL', 'RCPT', 'DATA', 'DOT'];
const cases421: FaultCase[] = STAGES_421.map((stage) => ({
  name: `421 at ${stage === 'DOT' ? 'the final dot' : stage}`,
  server: script({ [stage]: replyAndClose(R421) }),
  state: 'deferred',
  code: 'SERVER_REJECTED',
  retries: true,
  reply: R421,
  duplicate: false,
  delivered: stage === 'DOT' ? 1 : 0,
}));

const replyCases: FaultCase[] = [451, 452, 550, 552, 554].flatMap((code) =>
  (['EHLO', 'MAIL', 'RCPT', 'DATA', 'DOT'] as const).map((stage): FaultCase => {
    const line = REPLIES[code]!;
    const transient = code < 500;
    return {
      name: `${code} at ${stage === 'DOT' ? 'the final dot' : stage}`,
      server: script(stage === 'EHLO' ? { EHLO: line, HELO: line } : { [stage]: line }),
      state: transient ? 'deferred' : 'failed',
      code: 'SERVER_REJECTED',
      retries: transient,
      reply: line,
      message: WHERE[stage]!,
      // Each recipient carries the reply that stopped it: a 5xx refuses it for good, a 4xx leaves it to try again.
      recipients: [
        [ADA, transient ? 'pending' : 'rejected', code],
        [BOB, transient ? 'pending' : 'rejected', code],
      ],
      duplicate: false,
      delivered: stage === 'DOT' ? 1 : 0,
    };
  }),
);

const rcptFor = (who: string, error: ReturnType<typeof smtpError>) => (a: { address: string }) => (a.address === who ? error : null);
const notifyParam = (a: SMTPServerAddress) => Boolean(a.args && a.args.NOTIFY);

const recipientCases: FaultCase[] = [
  {
    name: '550 for one recipient: the other gets the message',
    server: { smtp: { rcptTo: rcptFor(BOB, smtpError(550, '5.1.1 No such user')) } },
    state: 'sent',
    code: null,
    retries: false,
    reply: '550 5.1.1 No such user',
    perRecipient: true,
    recipients: [
      [ADA, 'accepted'],
      [BOB, 'rejected', 550],
    ],
    delivered: 1,
  },
  ...[
    [452, '4.2.2 Mailbox full'],
    [451, '4.7.1 Greylisted, try again later'],
  ].map(
    ([code, text]): FaultCase => ({
      name: `${code} for one recipient: the other gets it, this one waits`,
      server: { smtp: { rcptTo: rcptFor(BOB, smtpError(code as number, text as string)) } },
      state: 'deferred',
      code: 'SERVER_REJECTED',
      retries: true,
      reply: `${code} ${text}`,
      perRecipient: true,
      message: new RegExp(`${BOB}.*${code}`),
      recipients: [
        [ADA, 'accepted'],
        [BOB, 'pending', code as number],
      ],
      duplicate: false,
      delivered: 1,
    }),
  ),
  {
    name: '421 on the second RCPT: nobody has it, both wait',
    server: script({ RCPT: ['250 2.1.5 Ok', replyAndClose(R421)] }),
    state: 'deferred',
    code: 'SERVER_REJECTED',
    retries: true,
    reply: R421,
    delivered: 0,
  },
  {
    name: 'DSN advertised, NOTIFY refused with 555: sent again without DSN parameters',
    server: { smtp: { rcptTo: (a) => (notifyParam(a) ? smtpError(555, '5.5.4 NOTIFY not supported') : null) } },
    state: 'sent',
    code: null,
    retries: false,
    reply: '555 5.5.4 NOTIFY not supported',
    perRecipient: true,
    recipients: [
      [ADA, 'accepted'],
      [BOB, 'accepted'],
    ],
    warnings: ['NO_DSN_SUPPORT'],
    delivered: 1,
    also: ({ smtp }) => {
      // First transaction with DSN, then one without: no RET/ENVID, no NOTIFY.
      expect(smtp!.mailFroms.map((m) => Boolean(m.args && m.args.ENVID))).toEqual([true, false]);
      expect(smtp!.messages[0]!.rcptTo.map((r) => [r.address, notifyParam(r)])).toEqual([
        [ADA, false],
        [BOB, false],
      ]);
    },
  },
  {
    name: 'NOTIFY refused with 555 for one recipient only: that one is sent separately without DSN',
    server: { smtp: { rcptTo: (a) => (a.address === BOB && notifyParam(a) ? smtpError(555, '5.5.4 NOTIFY not supported') : null) } },
    state: 'sent',
    code: null,
    retries: false,
    reply: '555 5.5.4 NOTIFY not supported',
    perRecipient: true,
    recipients: [
      [ADA, 'accepted'],
      [BOB, 'accepted'],
    ],
    warnings: ['NO_DSN_SUPPORT'],
    delivered: 2,
    also: ({ smtp }) => {
      expect(smtp!.messages.map((m) => m.rcptTo.map((r) => [r.address, notifyParam(r)]))).toEqual([[[ADA, true]], [[BOB, false]]]);
    },
  },
  {
    name: 'RET/ENVID refused with 555 on MAIL: sent again without DSN parameters',
    server: { smtp: { mailFrom: (a) => (a.args && a.args.RET ? smtpError(555, '5.5.4 RET not supported') : null) } },
    state: 'sent',
    code: null,
    retries: false,
    reply: '555 5.5.4 RET not supported',
    perRecipient: true,
    recipients: [
      [ADA, 'accepted'],
      [BOB, 'accepted'],
    ],
    warnings: ['NO_DSN_SUPPORT'],
    delivered: 1,
  },
  {
    name: '555 on every RCPT, with or without NOTIFY: retried once only, then rejected for good',
    server: { smtp: { rcptTo: () => smtpError(555, '5.5.4 Go away') } },
    state: 'failed',
    code: 'SERVER_REJECTED',
    retries: false,
    reply: '555 5.5.4 Go away',
    recipients: [
      [ADA, 'rejected', 555],
      [BOB, 'rejected', 555],
    ],
    delivered: 0,
    also: ({ smtp }) => expect(smtp!.mailFroms).toHaveLength(2),
  },
];

const CASES: FaultCase[] = [...connectionCases, ...dropCases, ...cases421, ...replyCases, ...recipientCases];

describe('faults', () => {
  it.each(CASES)('$name → $state, $code, retries: $retries', async (c) => {
    const target = await serve(c.server);
    core = await startTestCore(c.timeouts ? { spooler: { timeouts: FAST_TIMEOUTS } } : {});
    await useServer(target.port);
    const item = await submit();
    const end = await core.waitForState(item.id, c.state, 15_000);

    expect(end.error?.code ?? null).toBe(c.code);
    if (c.message) expect(end.error?.message, end.error?.message).toMatch(c.message);
    if (c.reasonKey) expect(end.error?.reason?.key, end.error?.message).toBe(c.reasonKey);
    // Whether it retries is the state: deferred items are due again, failed and sent ones never are.
    expect(end.state === 'deferred').toBe(c.retries);
    // Nothing lost: the same message, every recipient still on it.
    expect(end.messageId).toBe(item.messageId);
    expect(end.envid).toBe(item.envid);
    expect(end.recipients.map((r) => r.address)).toEqual([ADA, BOB]);
    expect(end.recipients.map((r) => [r.address, r.state, ...(r.reply ? [r.reply.code] : [])])).toEqual(c.recipients ?? settled(c));
    if (c.state !== 'sent') expect(end.handedOffAt).toBeNull();

    if (c.unreachable) {
      // Not the message's fault: the item waits for the server, no attempt used (spooler reachability).
      expect(end.attempts).toBe(0);
      expect(end.error?.message).toMatch(new RegExp(`Waiting for 127\\.0\\.0\\.1:${target.port} to be reachable`));
    } else {
      expect(end.attempts).toBe(1);
    }
    if (c.state === 'deferred' && !c.unreachable) {
      // First retry within a minute, never at once.
      expect(end.notBefore - end.updatedAt).toBeGreaterThan(10_000);
      expect(end.notBefore - end.updatedAt).toBeLessThanOrEqual(60_000);
    }
    if (c.state === 'sent') expect(end.sentAt).not.toBeNull();
    else expect(end.sentAt).toBeNull();

    if (c.reply) {
      const reply = parseReply(c.reply)!;
      if (!c.perRecipient) {
        expect(end.error?.message).toContain(c.reply);
        expect(end.lastReply).toEqual(reply);
      }
      const lines = await transcript(item.id);
      expect(lines.filter((l) => l.direction === 'server').map((l) => l.text)).toContain(c.reply);
    }
    if (c.duplicate !== undefined) expect(end.warnings.includes('POSSIBLE_DUPLICATE')).toBe(c.duplicate);
    if (c.warnings) expect(end.warnings).toEqual(c.warnings);
    if (c.delivered !== undefined) expect(target.delivered()).toBe(c.delivered);
    c.also?.(target, end);
  });
});

describe('faults, then the retry', () => {
  const quickRetry = { firstDelayMs: 200, factor: 2, maxDelayMs: 1000, jitter: 0, giveUpAfterMs: 60_000 };

  it('a recipient deferred with 452 is tried again alone; the one that accepted never gets it twice', async () => {
    let bobRefusals = 1;
    const target = await serve({
      smtp: { rcptTo: (a) => (a.address === BOB && bobRefusals-- > 0 ? smtpError(452, '4.2.2 Mailbox full') : null) },
    });
    core = await startTestCore({ spooler: { retry: quickRetry } });
    await useServer(target.port);
    const item = await submit();
    const sent = await core.waitForState(item.id, 'sent', 15_000);
    expect(sent.attempts).toBe(2);
    expect(sent.error).toBeNull();
    // Accepted is the last word: the earlier 452 is not shown beside it.
    expect(sent.recipients.map((r) => [r.address, r.state, r.reply?.code])).toEqual([
      [ADA, 'accepted', undefined],
      [BOB, 'accepted', undefined],
    ]);
    const messages = target.smtp!.messages;
    expect(messages.map((m) => m.rcptTo.map((r) => r.address))).toEqual([[ADA], [BOB]]);
    const messageIds = messages.map((m) => /^Message-ID: (.*)$/im.exec(m.data.toString())?.[1]);
    expect(messageIds).toEqual([item.messageId, item.messageId]);
  });

  it('451 for every recipient leaves them all pending, and the retry reaches them all', async () => {
    const target = await serve(script({ RCPT: ['451 4.7.1 Greylisted', '451 4.7.1 Greylisted', '250 2.1.5 Ok'] }));
    core = await startTestCore({ spooler: { retry: quickRetry } });
    await useServer(target.port);
    const item = await submit();
    const deferred = await core.waitForState(item.id, 'deferred', 15_000);
    expect(deferred.recipients.map((r) => r.state)).toEqual(['pending', 'pending']);
    const sent = await core.waitForState(item.id, 'sent', 15_000);
    expect(sent.attempts).toBe(2);
    expect(sent.recipients.map((r) => [r.state, r.reply?.code])).toEqual([
      ['accepted', undefined],
      ['accepted', undefined],
    ]);
    expect(target.delivered()).toBe(1);
  });
});
