import { describe, expect, it } from 'vitest';
import type { SandboxMessage } from '../../../shared/model';
import { parseReport } from '../reports/report-message';
import { outcomeFor, sandboxReports } from './sandbox-reports';

const original = Buffer.from('From: you@sandbox.test\r\nTo: a@x.test\r\nSubject: Hi\r\nMessage-ID: <hi.1@sandbox.test>\r\n\r\nBody text\r\n');

const message = (rcptTo: SandboxMessage['rcptTo'], mailParams: Record<string, string> = { ENVID: 'env+2B1', RET: 'HDRS' }): SandboxMessage => ({
  id: 'm1',
  receivedAt: Date.parse('2026-12-04T10:00:00Z'),
  mailFrom: 'you@sandbox.test',
  mailParams,
  rcptTo,
  size: original.length,
  messageId: '<hi.1@sandbox.test>',
  subject: 'Hi',
});

const all = { NOTIFY: 'SUCCESS,FAILURE,DELAY' };

describe('sandbox delivery reports', () => {
  it('addresses starting with bounce fail, with delay are delayed, others are delivered', () => {
    expect(['ann@x.test', 'bounce@x.test', 'Bounce.me@x.test', 'delay-1@x.test'].map(outcomeFor)).toEqual(['delivered', 'failed', 'failed', 'delayed']);
  });

  it('one report per outcome, each readable by our own parser with the envelope id and the returned Message-ID', () => {
    const reports = sandboxReports(
      message([
        { address: 'ann@x.test', params: { ...all, ORCPT: 'rfc822;ann@x.test' } },
        { address: 'bounce@x.test', params: all },
        { address: 'delay@x.test', params: all },
      ]),
      original,
      Date.parse('2026-12-04T10:00:05Z'),
    );
    expect(reports.map((r) => [r.outcome, r.recipients])).toEqual([
      ['delivered', ['ann@x.test']],
      ['failed', ['bounce@x.test']],
      ['delayed', ['delay@x.test']],
    ]);
    for (const report of reports) {
      const parsed = parseReport(report.raw);
      if (parsed.kind !== 'delivery') throw new Error(`not a delivery report: ${parsed.kind}`);
      expect(parsed.status.envelopeId).toBe('env+1');
      expect(parsed.status.problems).toEqual([]);
      expect(parsed.returnedMessageId).toBe('hi.1@sandbox.test');
      expect(parsed.status.recipients[0]?.action).toBe(report.outcome);
    }
    const delayed = parseReport(reports[2]!.raw);
    expect(delayed.kind === 'delivery' && delayed.status.recipients[0]?.willRetryUntil).toBe(Date.parse('2026-12-05T10:00:05Z'));
    const delivered = parseReport(reports[0]!.raw);
    expect(delivered.kind === 'delivery' && delivered.status.recipients[0]?.originalRecipient).toBe('ann@x.test');
  });

  it('follows NOTIFY: NEVER asks for nothing, no NOTIFY means failures and delays only, SUCCESS alone means success only', () => {
    expect(sandboxReports(message([{ address: 'bounce@x.test', params: { NOTIFY: 'NEVER' } }]), original)).toEqual([]);
    expect(sandboxReports(message([{ address: 'ann@x.test', params: {} }, { address: 'bounce@x.test', params: {} }]), original).map((r) => r.outcome)).toEqual(['failed']);
    expect(sandboxReports(message([{ address: 'ann@x.test', params: { NOTIFY: 'SUCCESS' } }, { address: 'bounce@x.test', params: { NOTIFY: 'SUCCESS' } }]), original).map((r) => r.outcome)).toEqual(['delivered']);
  });

  it('RET=FULL returns the whole message; HDRS only its headers', () => {
    const [full] = sandboxReports(message([{ address: 'ann@x.test', params: all }], { RET: 'FULL' }), original);
    const [headers] = sandboxReports(message([{ address: 'ann@x.test', params: all }]), original);
    expect(full!.raw.toString()).toContain('Body text');
    expect(full!.raw.toString()).toContain('message/rfc822');
    expect(headers!.raw.toString()).not.toContain('Body text');
  });
});
