/**
 * One SMTP transaction (SendMessage2): connect, EHLO, MAIL with DSN parameters
 * when the server advertised DSN, RCPT per recipient, DATA. Every command and
 * reply becomes a transcript line. Cancel closes the socket, which stops the
 * send as long as the final CRLF.CRLF has not been written.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { addressToAscii, needsSmtpUtf8 } from '../../../shared/address';
import type { WarningCode } from '../../../shared/errors';
import { described } from '../../../shared/i18n/reason';
import type { DsnRequest, SmtpReply } from '../../../shared/model';
import { connectionOptions, loginData, type Credentials, type SmtpEndpoint, type Timeouts } from './connection-options';
import { classifyFailure, type SendFailure } from './failure';
import { parseEhlo, parseReply, type Capabilities } from './reply';
import type { SessionPool, SmtpSession } from './session-pool';
import { sizeReason } from '../../../shared/i18n/size-reason';
import { createTranscriptLogger, type TranscriptLine } from './transcript-logger';

export type { SmtpEndpoint } from './connection-options';

export interface SendRequest {
  endpoint: SmtpEndpoint;
  from: string;
  to: string[];
  dsn: DsnRequest;
  envid: string;
  /** Produces the MIME message; called once per transaction (twice when a refused DSN is retried without it). */
  message: () => Readable;
  /** Runs after the last body byte and before each final dot; throwing stops the send. */
  beforeFinalDot: () => Promise<void>;
  signal: AbortSignal;
  onLine: (line: TranscriptLine & { connectionId: string }) => void;
  timeouts?: Timeouts;
  clientName?: string;
  /** Logged in with after EHLO; the secret goes to the server and nowhere else. */
  credentials?: Credentials;
  /** Octets of the message (measured from its stored fields): checked against SIZE before MAIL and declared in it. */
  messageSize?: number;
  /** Where a connection that ended cleanly waits for the next message to the same account. */
  pool?: SessionPool;
  /** Bytes of the message written so far during DATA (every 64 kB and at the end). */
  onProgress?: (sent: number) => void;
}

const PROGRESS_STEP = 64 * 1024;

export interface RecipientResult {
  address: string;
  accepted: boolean;
  reply?: SmtpReply;
}

export type SendOutcome =
  | { kind: 'sent'; reply: SmtpReply; recipients: RecipientResult[]; warnings: WarningCode[]; capabilities: Capabilities }
  /** `reachedServer` is false when no connection could be made: the network or the host is down, not the message. */
  | { kind: 'failed'; failure: SendFailure; recipients: RecipientResult[]; capabilities: Capabilities | null; reachedServer: boolean }
  | { kind: 'aborted' };

export function toNodemailerDsn(dsn: DsnRequest, envid: string) {
  const notify = (['success', 'failure', 'delay'] as const).filter((k) => dsn.notify[k]).map((k) => k.toUpperCase());
  return { ret: dsn.ret === 'full' ? 'FULL' : 'HDRS', envid, notify: notify.length ? notify : ['NEVER'] };
}

function rejectedResults(rejectedErrors: { recipient?: string; response?: string }[] | undefined): RecipientResult[] {
  return (rejectedErrors ?? []).map((e) => {
    const reply = e.response ? parseReply(e.response) : null;
    return { address: e.recipient ?? '', accepted: false, ...(reply ? { reply } : {}) };
  });
}

type Transaction = { error: SMTPConnection.SMTPError; info?: undefined } | { error: null; info: SMTPConnection.SentMessageInfo };
type Outcome = Exclude<SendOutcome, { kind: 'failed' }> | Omit<Extract<SendOutcome, { kind: 'failed' }>, 'reachedServer'>;
type RejectedErrors = { recipient?: string; response?: string; responseCode?: number }[] | undefined;

const rejectedOf = (t: Transaction): RejectedErrors => (t.error ? (t.error as { rejectedErrors?: RejectedErrors }).rejectedErrors : t.info.rejectedErrors);

/** Per-recipient results of one transaction: accepted only if the message went through. */
function resultsOf(t: Transaction): RecipientResult[] {
  return [...(t.info?.accepted ?? []).map((address) => ({ address, accepted: true })), ...rejectedResults(rejectedOf(t))];
}

function outcomeOf(t: Transaction, capabilities: Capabilities): Outcome {
  if (t.error) return { kind: 'failed', failure: classifyFailure(t.error), recipients: rejectedResults(rejectedOf(t)), capabilities };
  const reply = parseReply(t.info.response) ?? { code: 250, text: t.info.response };
  return { kind: 'sent', reply, recipients: resultsOf(t), warnings: capabilities.dsn ? [] : ['NO_DSN_SUPPORT'], capabilities };
}

/** Recipients whose DSN parameters the server refused with 555: all of them when MAIL FROM (RET, ENVID) got it. */
function refusedDsn(t: Transaction, to: string[]): string[] {
  if (t.error && t.error.responseCode === 555 && /^MAIL\b/i.test(t.error.command ?? '')) return to;
  return (rejectedOf(t) ?? []).filter((e) => e.responseCode === 555 && e.recipient).map((e) => e.recipient!);
}

/** Joins the first transaction and the retry without DSN for the recipients that refused its parameters. */
function withoutDsnRetry(first: Transaction, second: Transaction, refused: string[], capabilities: Capabilities): Outcome {
  const isRefused = (address: string) => refused.includes(address);
  // The retry's own answers; when it failed as a whole, its reply (if any) stands for each of them.
  const failure = second.error ? classifyFailure(second.error) : null;
  const answered = resultsOf(second);
  const retried = refused.map(
    (address) => answered.find((r) => r.address === address) ?? { address, accepted: false, ...(failure?.reply ? { reply: failure.reply } : {}) },
  );
  const recipients = [...resultsOf(first).filter((r) => !isRefused(r.address)), ...retried];
  const last = second.info ?? first.info;
  if (!last) return { kind: 'failed', failure: failure!, recipients, capabilities };
  const reply = parseReply(last.response) ?? { code: 250, text: last.response };
  return { kind: 'sent', reply, recipients, warnings: second.info ? ['NO_DSN_SUPPORT'] : [], capabilities };
}

function offered(capabilities: Capabilities | null): string {
  if (!capabilities) return 'nothing we know of';
  const words = [
    capabilities.dsn && 'DSN',
    capabilities.smtputf8 && 'SMTPUTF8',
    capabilities.pipelining && 'PIPELINING',
    capabilities.eightBitMime && '8BITMIME',
    capabilities.size !== null && `SIZE ${capabilities.size}`,
  ].filter(Boolean);
  return words.length ? words.join(' ') : 'no extensions';
}

/**
 * The server answered the step that failed and waits for the next command (every recipient refused,
 * MAIL refused, the message refused after its data): the conversation ends with QUIT. A 421 means
 * the server is closing, and without a reply the line is in an unknown state: those are closed.
 */
function awaitsCommand(failure: SendFailure): boolean {
  return failure.reply !== undefined && failure.reply.code !== 421;
}

/** Bytes gathered before they go on: each chunk costs a dot-stuffing pass and a write to the socket. */
const BODY_CHUNK = 64 * 1024;

/**
 * The message as nodemailer reads it during DATA: rendered only when DATA starts reading it,
 * progress counted as it goes, and `beforeFinalDot` awaited after the last byte and before the end,
 * so the final dot is written only once it resolves. The composer's small pieces are gathered into
 * chunks of up to 64 kB (a short message goes in one). A stream, not an async generator: those cost
 * two promises per chunk.
 */
function messageBody(request: SendRequest): Readable {
  let source: Readable | null = null;
  let sent = 0;
  let reported = 0;
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  const pass = (): boolean => {
    const chunk = gathered.length === 1 ? (gathered[0] as Buffer) : Buffer.concat(gathered, gatheredBytes);
    gathered = [];
    gatheredBytes = 0;
    return body.push(chunk);
  };
  const body = new Readable({
    read() {
      if (source) {
        source.resume();
        return;
      }
      source = request.message();
      source.on('data', (chunk: Buffer) => {
        sent += chunk.length;
        if (sent - reported >= PROGRESS_STEP) {
          reported = sent;
          request.onProgress?.(sent);
        }
        gathered.push(chunk);
        gatheredBytes += chunk.length;
        if (gatheredBytes >= BODY_CHUNK && !pass()) source?.pause();
      });
      source.once('end', () => {
        if (gatheredBytes) pass();
        request.onProgress?.(sent);
        request.beforeFinalDot().then(
          () => body.push(null),
          (error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))),
        );
      });
      source.once('error', (error) => body.destroy(error));
    },
    destroy(error, callback) {
      source?.destroy();
      callback(error);
    },
  });
  return body;
}

/** Connections are shared only between requests that would open the very same one. */
function sessionKey(request: SendRequest): string {
  const { host, port, security, trustedCertificate } = request.endpoint;
  const login = request.credentials ? [request.credentials.mechanism, request.credentials.user, createHash('sha256').update(request.credentials.secret).digest('hex')] : [];
  return JSON.stringify([host, port, security, trustedCertificate?.sha256 ?? null, ...login, request.clientName ?? '']);
}

function openSession(request: SendRequest, key: string): SmtpSession {
  let lastEhloReply = '';
  let awaitingEhlo = false;
  const id = randomBytes(4).toString('hex');
  const logger = createTranscriptLogger((line) => {
    // A TCP connection counts: a server that takes it and then misbehaves uses attempts like any other failure.
    if (line.direction === 'server' || (line.direction === 'info' && /\bestablished to\b/.test(line.text))) session.reachedServer = true;
    if (line.direction === 'client') awaitingEhlo = /^(EHLO|LHLO)\b/i.test(line.text);
    else if (line.direction === 'server' && awaitingEhlo) {
      lastEhloReply = line.text;
      awaitingEhlo = false;
      session.capabilities = parseEhlo(lastEhloReply);
    }
    session.sink?.({ ...line, connectionId: id });
  });
  const conn = new SMTPConnection(connectionOptions(request.endpoint, logger, request.timeouts, request.clientName));
  const session: SmtpSession = { key, id, conn, capabilities: null, sink: null, onError: null, reachedServer: false, closed: false };
  conn.on('error', (error) => session.onError?.(error));
  conn.on('end', () => {
    session.closed = true;
    request.pool?.drop(session);
  });
  return session;
}

export function sendMessage(request: SendRequest): Promise<SendOutcome> {
  const key = sessionKey(request);
  const reused = request.pool?.take(key);
  const session = reused ?? openSession(request, key);
  const { conn } = session;
  session.sink = request.onLine;
  if (reused) {
    // This item's transcript has no EHLO of its own: say what the server offered, since receipts depend on it.
    request.onLine({ at: Date.now(), direction: 'info', text: `Reusing the open connection (already greeted and logged in; the server offers ${offered(reused.capabilities)}).`, connectionId: session.id });
  }

  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (result: SendOutcome | Omit<Extract<SendOutcome, { kind: 'failed' }>, 'reachedServer'>) => {
      if (settled) return;
      const outcome: SendOutcome = result.kind === 'failed' ? { ...result, reachedServer: session.reachedServer } : result;
      settled = true;
      request.signal.removeEventListener('abort', onAbort);
      session.onError = null;
      // Only a connection that ended a transaction cleanly is worth keeping.
      if (outcome.kind === 'sent' && request.pool && !session.closed) request.pool.park(session);
      else if (outcome.kind === 'sent' || (outcome.kind === 'failed' && awaitsCommand(outcome.failure) && !session.closed)) conn.quit();
      else conn.close();
      session.sink = null;
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: 'aborted' });
    if (request.signal.aborted) return finish({ kind: 'aborted' });
    request.signal.addEventListener('abort', onAbort);
    // A connection error ends the attempt, unless a step below is waiting for its reply: then that step gets it.
    let interrupt: ((error: SMTPConnection.SMTPError) => void) | null = null;
    const pinned = Boolean(request.endpoint.trustedCertificate);
    session.onError = (error) => (interrupt ? interrupt(error) : finish({ kind: 'failed', failure: classifyFailure(error, pinned), recipients: [], capabilities: null }));

    const step = <T>(start: (done: (value: T | { error: SMTPConnection.SMTPError }) => void) => void) =>
      new Promise<T | { error: SMTPConnection.SMTPError }>((done) => {
        interrupt = (error) => done({ error });
        start(done);
      }).finally(() => (interrupt = null));
    const connected = reused
      ? Promise.resolve<SMTPConnection.SMTPError | null>(null)
      : new Promise<SMTPConnection.SMTPError | null>((done) => conn.connect((error) => done(error ?? null)));

    void (async () => {
      // A line closed before the greeting is reported here, not as an 'error' event.
      const connectError = await connected;
      if (settled) return;
      if (connectError) return finish({ kind: 'failed', failure: classifyFailure(connectError, pinned), recipients: [], capabilities: null });
      const capabilities = session.capabilities ?? parseEhlo('');
      const refuse = (failure: SendFailure) => finish({ kind: 'failed', failure, recipients: [], capabilities });
      if (!reused && request.credentials) {
        const credentials = request.credentials;
        // Trying a login the server does not offer would earn a refusal that reads like a wrong password.
        if (!capabilities.auth.length) return refuse({ ...described('AUTH_FAILED', 'reason.loginNotOffered'), retryable: false });
        const loggedIn = await step<{ error: null }>((done) => conn.login(loginData(credentials), (error) => done(error ? { error } : { error: null })));
        if (loggedIn.error) return refuse(classifyFailure(loggedIn.error));
      }
      const utf8 = capabilities.smtputf8;
      if ([request.from, ...request.to].some(needsSmtpUtf8) && !utf8) {
        return refuse({ ...described('SMTPUTF8_REQUIRED', 'reason.needsSmtputf8'), retryable: false });
      }
      const limit = capabilities.size;
      if (limit && request.messageSize && request.messageSize > limit) {
        const sizes = { size: sizeReason(request.messageSize), limit: sizeReason(limit) };
        return refuse({ ...described('MESSAGE_TOO_BIG', 'reason.messageTooBig', sizes), retryable: false });
      }
      const wire = (address: string) => (utf8 ? address : addressToAscii(address));
      const transaction = (to: string[], dsn: boolean) =>
        step<Transaction>((done) => {
          const body = messageBody(request);
          const envelope = {
            from: wire(request.from),
            to,
            ...(request.messageSize ? { size: request.messageSize } : {}),
            ...(dsn ? { dsn: toNodemailerDsn(request.dsn, request.envid) } : {}),
          };
          conn.send(envelope, body, (error, info) => done(error ? { error } : { error: null, info }));
        });
      const rset = () => step<{ error: null }>((done) => conn.reset((error) => done(error ? { error } : { error: null })));

      const recipients = request.to.map(wire);
      const first: Transaction = await transaction(recipients, true);
      // 555 (RFC 5321 §4.2.2: parameters not recognized) from a server that advertised DSN: it refuses the DSN
      // parameters, not the recipient. DSN is a request, delivery is the point (RFC 3461 lets a client send
      // without it), so those recipients get one more transaction on this connection without DSN parameters,
      // and the item is flagged NO_DSN_SUPPORT. A second refusal is final for them: no loop.
      const refused = capabilities.dsn ? refusedDsn(first, recipients) : [];
      if (!refused.length) return finish(outcomeOf(first, capabilities));
      const reset = await rset();
      const second: Transaction = reset.error ? reset : await transaction(refused, false);
      finish(withoutDsnRetry(first, second, refused, capabilities));
    })();
  });
}
