/**
 * The local sandbox answers delivery receipt requests like a real server: for
 * each message it keeps, it writes the RFC 3464 reports its NOTIFY parameters
 * asked for, so a new user sees per-recipient tracking work without any account.
 * Local delivery always succeeds, except for two kinds of address kept for
 * trying the other outcomes: a local part starting with "bounce" fails, one
 * starting with "delay" is delayed.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxMessage } from '../../../shared/model';

export type SandboxOutcome = 'delivered' | 'failed' | 'delayed';

const REPORTING_HOST = 'sandbox.localhost';
/** The header block of a returned message is cut here; a FULL return larger than this returns headers only. */
const MAX_RETURNED = 1024 * 1024;

export function outcomeFor(address: string): SandboxOutcome {
  const local = address.slice(0, address.lastIndexOf('@')).toLowerCase();
  if (local.startsWith('bounce')) return 'failed';
  if (local.startsWith('delay')) return 'delayed';
  return 'delivered';
}

const NOTIFY_FOR: Record<SandboxOutcome, string> = { delivered: 'SUCCESS', failed: 'FAILURE', delayed: 'DELAY' };
const STATUS: Record<SandboxOutcome, { status: string; diagnostic: string }> = {
  delivered: { status: '2.0.0', diagnostic: 'X-Sandbox; delivered to the local sandbox mailbox' },
  failed: { status: '5.1.1', diagnostic: 'X-Sandbox; 550 5.1.1 no such mailbox (a sandbox address that always bounces)' },
  delayed: { status: '4.4.1', diagnostic: 'X-Sandbox; 451 4.4.1 next hop not answering (a sandbox address that is always delayed)' },
};
const SUBJECT: Record<SandboxOutcome, string> = {
  delivered: 'Successful Mail Delivery Report',
  failed: 'Undelivered Mail Returned to Sender',
  delayed: 'Delayed Mail (still being retried)',
};

/** RFC 3461: without NOTIFY a server reports failures (and may report delays); NEVER asks for nothing. */
function wants(params: Record<string, string>, outcome: SandboxOutcome): boolean {
  const notify = params.NOTIFY?.toUpperCase().split(',').map((s) => s.trim());
  if (!notify) return outcome !== 'delivered';
  if (notify.includes('NEVER')) return false;
  return notify.includes(NOTIFY_FOR[outcome]);
}

export interface SandboxReport {
  outcome: SandboxOutcome;
  recipients: string[];
  raw: Buffer;
}

/**
 * One report per outcome for the recipients that asked for it. `original` is the
 * message as kept; the report returns its headers (RET=HDRS, the default) or
 * the whole of it (RET=FULL, up to a size).
 */
export function sandboxReports(message: SandboxMessage, original: Buffer, now: number = Date.now()): SandboxReport[] {
  const reports: SandboxReport[] = [];
  for (const outcome of ['delivered', 'failed', 'delayed'] as const) {
    const rcpts = message.rcptTo.filter((r) => outcomeFor(r.address) === outcome && wants(r.params, outcome));
    if (!rcpts.length) continue;
    reports.push({ outcome, recipients: rcpts.map((r) => r.address), raw: buildReport(message, original, outcome, rcpts, now) });
  }
  return reports;
}

function buildReport(message: SandboxMessage, original: Buffer, outcome: SandboxOutcome, rcpts: SandboxMessage['rcptTo'], now: number): Buffer {
  const boundary = `sandbox-report-${randomUUID()}`;
  const date = new Date(now).toUTCString().replace('GMT', '+0000');
  const full = message.mailParams.RET?.toUpperCase() === 'FULL' && original.length <= MAX_RETURNED;
  const headerEnd = original.indexOf('\r\n\r\n');
  const headers = (headerEnd >= 0 ? original.subarray(0, headerEnd) : original.subarray(0, MAX_RETURNED)).toString('utf8');
  const perMessage = [
    `Reporting-MTA: dns; ${REPORTING_HOST}`,
    // Echoed as received: the envelope id is xtext on the wire and in the report alike.
    ...(message.mailParams.ENVID ? [`Original-Envelope-Id: ${message.mailParams.ENVID}`] : []),
    `Arrival-Date: ${new Date(message.receivedAt).toUTCString().replace('GMT', '+0000')}`,
  ];
  const perRecipient = rcpts.map((r) =>
    [
      ...(r.params.ORCPT ? [`Original-Recipient: ${r.params.ORCPT}`] : []),
      `Final-Recipient: rfc822; ${r.address}`,
      `Action: ${outcome}`,
      `Status: ${STATUS[outcome].status}`,
      `Diagnostic-Code: ${STATUS[outcome].diagnostic}`,
      `Last-Attempt-Date: ${date}`,
      ...(outcome === 'delayed' ? [`Will-Retry-Until: ${new Date(now + 24 * 3600_000).toUTCString().replace('GMT', '+0000')}`] : []),
    ].join('\r\n'),
  );
  const human =
    outcome === 'delivered'
      ? 'Your message was delivered to the local sandbox mailbox.'
      : outcome === 'failed'
        ? 'Your message could not be delivered: the sandbox address does not exist (addresses starting with "bounce" always fail).'
        : 'Your message has not been delivered yet; the sandbox keeps trying (addresses starting with "delay" are always delayed).';
  const lines = [
    `From: Mail Delivery System <MAILER-DAEMON@${REPORTING_HOST}>`,
    `To: ${message.mailFrom || 'postmaster@sandbox.localhost'}`,
    `Subject: ${SUBJECT[outcome]}`,
    `Date: ${date}`,
    `Message-ID: <${randomUUID()}@${REPORTING_HOST}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    human,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    perMessage.join('\r\n'),
    '',
    perRecipient.join('\r\n\r\n'),
    '',
    `--${boundary}`,
    full ? 'Content-Type: message/rfc822' : 'Content-Type: text/rfc822-headers',
    '',
  ];
  const head = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
  const body = full ? original : Buffer.from(`${headers}\r\n`, 'utf8');
  return Buffer.concat([head, body, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
}
