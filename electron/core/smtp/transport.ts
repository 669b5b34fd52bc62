/**
 * One SMTP transaction (SendMessage2): connect, EHLO, MAIL with DSN parameters
 * when the server advertised DSN, RCPT per recipient, DATA. Every command and
 * reply becomes a transcript line. Cancel closes the socket, which stops the
 * send as long as the final CRLF.CRLF has not been written.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { addressToAscii, needsSmtpUtf8 } from '../../../shared/address';
import type { WarningCode } from '../../../shared/errors';
import type { Account, DsnRequest, SmtpReply } from '../../../shared/model';
import { classifyFailure, type SendFailure } from './failure';
import { parseEhlo, parseReply, type Capabilities } from './reply';
import { createTranscriptLogger, type TranscriptLine } from './transcript-logger';

export type SmtpEndpoint = Pick<Account, 'host' | 'port' | 'security'>;

export interface SendRequest {
  endpoint: SmtpEndpoint;
  from: string;
  to: string[];
  dsn: DsnRequest;
  envid: string;
  /** Produces the MIME message; called once per attempt. */
  message: () => Readable;
  /** Runs after the last body byte and before the final dot; throwing stops the send. */
  beforeFinalDot: () => Promise<void>;
  signal: AbortSignal;
  onLine: (line: TranscriptLine & { connectionId: string }) => void;
  timeouts?: { connect?: number; greeting?: number; socket?: number };
  clientName?: string;
}

export interface RecipientResult {
  address: string;
  accepted: boolean;
  reply?: SmtpReply;
}

export type SendOutcome =
  | { kind: 'sent'; reply: SmtpReply; recipients: RecipientResult[]; warnings: WarningCode[]; capabilities: Capabilities }
  /** `reachedServer` is false when not even a greeting arrived: the network or the server is down, not the message. */
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

export function sendMessage(request: SendRequest): Promise<SendOutcome> {
  const connectionId = randomBytes(4).toString('hex');
  let lastEhloReply = '';
  let awaitingEhlo = false;
  let reachedServer = false;
  const logger = createTranscriptLogger((line) => {
    if (line.direction === 'server') reachedServer = true;
    if (line.direction === 'client') awaitingEhlo = /^(EHLO|LHLO)\b/i.test(line.text);
    else if (line.direction === 'server' && awaitingEhlo) {
      lastEhloReply = line.text;
      awaitingEhlo = false;
    }
    request.onLine({ ...line, connectionId });
  });
  const conn = new SMTPConnection({
    host: request.endpoint.host,
    port: request.endpoint.port,
    secure: request.endpoint.security === 'tls',
    requireTLS: request.endpoint.security === 'starttls',
    ignoreTLS: request.endpoint.security === 'none',
    name: request.clientName ?? 'outbox-mail.localhost',
    connectionTimeout: request.timeouts?.connect ?? 30_000,
    greetingTimeout: request.timeouts?.greeting ?? 30_000,
    socketTimeout: request.timeouts?.socket ?? 120_000,
    logger,
    transactionLog: true,
  });

  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (result: SendOutcome | Omit<Extract<SendOutcome, { kind: 'failed' }>, 'reachedServer'>) => {
      if (settled) return;
      const outcome: SendOutcome = result.kind === 'failed' ? { ...result, reachedServer } : result;
      settled = true;
      request.signal.removeEventListener('abort', onAbort);
      if (outcome.kind === 'sent') conn.quit();
      else conn.close();
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: 'aborted' });
    if (request.signal.aborted) return finish({ kind: 'aborted' });
    request.signal.addEventListener('abort', onAbort);
    conn.on('error', (error) => finish({ kind: 'failed', failure: classifyFailure(error), recipients: [], capabilities: null }));

    conn.connect(() => {
      if (settled) return;
      const capabilities = parseEhlo(lastEhloReply);
      const utf8 = capabilities.smtputf8;
      const needsUtf8 = [request.from, ...request.to].some(needsSmtpUtf8);
      if (needsUtf8 && !utf8) {
        return finish({
          kind: 'failed',
          failure: { code: 'INVALID_ADDRESS_LIST', message: 'An address has non-ASCII characters before the @ and the server does not offer SMTPUTF8.', retryable: false },
          recipients: [],
          capabilities,
        });
      }
      const wire = (address: string) => (utf8 ? address : addressToAscii(address));
      const recipients = request.to.map(wire);
      const body = Readable.from(
        (async function* () {
          for await (const chunk of request.message()) yield chunk;
          await request.beforeFinalDot();
        })(),
      );
      conn.send(
        { from: wire(request.from), to: recipients, dsn: toNodemailerDsn(request.dsn, request.envid) },
        body,
        (error, info) => {
          if (error) {
            const e = error as { rejectedErrors?: { recipient?: string; response?: string }[] };
            return finish({ kind: 'failed', failure: classifyFailure(error), recipients: rejectedResults(e.rejectedErrors), capabilities });
          }
          const reply = parseReply(info.response) ?? { code: 250, text: info.response };
          const results: RecipientResult[] = [
            ...info.accepted.map((address) => ({ address, accepted: true })),
            ...rejectedResults(info.rejectedErrors),
          ];
          finish({ kind: 'sent', reply, recipients: results, warnings: capabilities.dsn ? [] : ['NO_DSN_SUPPORT'], capabilities });
        },
      );
    });
  });
}
