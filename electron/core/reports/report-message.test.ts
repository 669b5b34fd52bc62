/**
 * The report parser against a corpus written from the published formats of
 * Postfix, Exim, Exchange and Gmail bounces, an RFC 6533 UTF-8 report, a read
 * receipt, a plain-text bounce and a malformed report; then fuzzed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeliveryStatus } from './delivery-status';
import { parseDisposition } from './disposition';
import { parseMime } from './mime-parts';
import { parseReport, type ParsedReport } from './report-message';

const corpus = (name: string): Buffer => readFileSync(join(__dirname, 'corpus', name));

function delivery(name: string): Extract<ParsedReport, { kind: 'delivery' }> {
  const report = parseReport(corpus(name));
  if (report.kind !== 'delivery') throw new Error(`${name}: expected a delivery report, got ${report.kind}`);
  return report;
}

describe('delivery status notifications', () => {
  it('Postfix failure: envelope id (xtext), recipient, status, the remote words unfolded, the returned Message-ID', () => {
    const report = delivery('postfix-failed.eml');
    expect(report.status.envelopeId).toBe('abc+123');
    expect(report.status.reportingMta).toBe('mx.example.net');
    expect(report.status.arrival).toBe(Date.parse('2026-12-04T10:00:00Z'));
    expect(report.status.recipients).toEqual([
      {
        originalRecipient: 'bob@example.org',
        finalRecipient: 'bob@example.org',
        action: 'failed',
        status: '5.1.1',
        remoteMta: 'mx.example.org',
        diagnostic: '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown',
        lastAttempt: null,
        willRetryUntil: null,
      },
    ]);
    expect(report.status.problems).toEqual([]);
    expect(report.returnedMessageId).toBe('m1@example.com');
    expect(report.reportMessageId).toBe('20261204.ABC@mx.example.net');
    expect(report.explanation).toContain('could not\nbe delivered');
  });

  it('Postfix delay: the next retry limit and the reason', () => {
    const report = delivery('postfix-delayed.eml');
    const [carol] = report.status.recipients;
    expect(carol).toMatchObject({ action: 'delayed', status: '4.4.1', finalRecipient: 'carol@unreachable.example' });
    expect(carol?.willRetryUntil).toBe(Date.parse('2026-12-09T11:54:00Z'));
    expect(carol?.diagnostic).toContain('Connection refused');
    expect(report.status.envelopeId).toBe('0b3c9f2e-envid');
    expect(report.returnedMessageId).toBe('q4-figures.1@example.com');
  });

  it('Postfix success: delivered and relayed recipients, ORCPT xtext decoded', () => {
    const report = delivery('postfix-delivered.eml');
    expect(report.status.recipients.map((r) => [r.originalRecipient, r.action])).toEqual([
      ['bob@postfix.test', 'delivered'],
      ['Dave+Team@next.example', 'relayed'],
    ]);
    expect(report.status.envelopeId).toBe('env-7f3a');
  });

  it('Exim: fields in another order, the whole returned message', () => {
    const report = delivery('exim-failed.eml');
    expect(report.status.recipients).toHaveLength(1);
    expect(report.status.recipients[0]).toMatchObject({ finalRecipient: 'nobody@example.org', action: 'failed', status: '5.0.0' });
    expect(report.status.envelopeId).toBeNull();
    expect(report.returnedMessageId).toBe('invite.2026@example.com');
  });

  it('Exchange: CRLF, no space after the semicolons, a quoted-printable explanation, a five-part status code', () => {
    const report = delivery('exchange-failed.eml');
    expect(report.status.recipients[0]).toMatchObject({ finalRecipient: 'erin@contoso.example', status: '5.1.10', action: 'failed' });
    expect(report.status.recipients[0]?.diagnostic).toContain('RESOLVER.ADR.RecipientNotFound');
    expect(report.explanation).toContain('couldn’t be delivered');
    expect(report.returnedMessageId).toBe('budget.7@example.com');
  });

  it('Gmail: nested human part, folded Remote-MTA with a comment, Last-Attempt-Date', () => {
    const report = delivery('gmail-failed.eml');
    const [frank] = report.status.recipients;
    expect(frank).toMatchObject({ finalRecipient: 'frank@gmail.example', status: '5.1.1', remoteMta: 'gmail-smtp-in.l.google.example.' });
    expect(frank?.diagnostic).toBe('550-5.1.1 The email account that you tried to reach does not exist.');
    expect(frank?.lastAttempt).toBe(Date.parse('2026-12-04T14:00:01Z'));
    expect(report.explanation).toContain('Address not found');
    expect(report.returnedMessageId).toBe('hello.9@example.com');
  });

  it('RFC 6533: UTF-8 addresses, \\x{} escapes decoded', () => {
    const report = delivery('global-delivered.eml');
    expect(report.status.recipients[0]).toMatchObject({ originalRecipient: 'пётр@почта.example', finalRecipient: 'пётр@почта.example', action: 'delivered' });
    expect(report.status.envelopeId).toBe('env-utf8');
    expect(report.returnedMessageId).toBe('privet.1@example.com');
  });

  it('a malformed report is still a report, with its problems listed and nothing invented', () => {
    const report = delivery('malformed-report.eml');
    expect(report.status.recipients).toEqual([
      expect.objectContaining({ finalRecipient: null, action: null, status: null }),
    ]);
    expect(report.status.problems.length).toBeGreaterThanOrEqual(4);
    expect(report.returnedMessageId).toBeNull();
  });
});

describe('read receipts and other mail', () => {
  it('a read receipt names the message, the recipient and what happened', () => {
    const report = parseReport(corpus('mdn-displayed.eml'));
    expect(report.kind).toBe('disposition');
    if (report.kind !== 'disposition') return;
    expect(report.disposition).toEqual({
      reportingUa: 'laptop.example.org; Some Mail Client 9.1',
      originalRecipient: 'bob@example.org',
      finalRecipient: 'bob@example.org',
      originalMessageId: 'contract.1@example.com',
      disposition: 'displayed',
      mode: 'manual-action/mdn-sent-manually',
      problems: [],
    });
  });

  it('a plain-text bounce is recognised as a guess, with the quoted Message-ID', () => {
    const report = parseReport(corpus('plain-bounce.eml'));
    expect(report).toMatchObject({ kind: 'unstructured-bounce', heuristic: true, returnedMessageId: 'lunch.3@example.com' });
  });

  it('ordinary mail is not a report', () => {
    const mail = Buffer.from('From: bob@example.org\r\nSubject: Undelivered thoughts\r\nMessage-ID: <x@y>\r\n\r\nHello\r\n');
    expect(parseReport(mail).kind).toBe('not-a-report');
  });
});

describe('robustness', () => {
  it('never throws on arbitrary bytes, and never throws on arbitrary report bodies', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        parseReport(Buffer.from(bytes));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => {
        parseDeliveryStatus(text);
        parseDisposition(text);
      }),
      { numRuns: 500 },
    );
  });

  it('any well-formed recipient group reads back as written, whatever the spacing, case and line ends', () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);
    const domain = fc.stringMatching(/^[a-z0-9]{1,12}\.(test|example)$/);
    fc.assert(
      fc.property(
        local,
        domain,
        fc.constantFrom('failed', 'delayed', 'delivered', 'relayed', 'expanded'),
        fc.tuple(fc.constantFrom(2, 4, 5), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })),
        fc.constantFrom('\r\n', '\n'),
        fc.constantFrom('', ' ', '  ', '\t'),
        fc.boolean(),
        (user, host, action, [a, b, c], eol, gap, upper) => {
          const name = (n: string) => (upper ? n.toUpperCase() : n);
          const body = [`${name('Reporting-MTA')}:${gap}dns;${gap}mta.test`, gap, `${name('Final-Recipient')}:${gap}rfc822;${gap}${user}@${host}`, `${name('Action')}:${gap}${action}`, `${name('Status')}:${gap}${a}.${b}.${c}`, ''].join(eol);
          const parsed = parseDeliveryStatus(body);
          expect(parsed.recipients).toHaveLength(1);
          expect(parsed.recipients[0]).toMatchObject({ finalRecipient: `${user}@${host}`, action, status: `${a}.${b}.${c}` });
          expect(parsed.problems).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bounds nesting and part counts', () => {
    let nested = 'x';
    for (let i = 0; i < 50; i++) nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
    expect(() => parseMime(Buffer.from(nested))).not.toThrow();
    const many = `Content-Type: multipart/mixed; boundary="m"\r\n\r\n${'--m\r\nContent-Type: text/plain\r\n\r\nhi\r\n'.repeat(500)}--m--\r\n`;
    expect(parseMime(Buffer.from(many)).parts.length).toBeLessThanOrEqual(64);
  });
});
