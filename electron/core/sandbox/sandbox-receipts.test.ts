import { describe, expect, it } from 'vitest';
import type { SandboxMessage } from '../../../shared/model';
import { parseReport } from '../reports/report-message';
import { sandboxReadReceipts } from './sandbox-receipts';

const message = (overrides: Partial<SandboxMessage> = {}): SandboxMessage => ({
  id: 'm1',
  receivedAt: 0,
  mailFrom: 'ann@example.com',
  mailParams: { ENVID: 'om-1' },
  rcptTo: [
    { address: 'bob@example.test', params: {} },
    { address: 'bounce-x@example.test', params: {} },
    { address: 'delay-y@example.test', params: {} },
  ],
  size: 0,
  messageId: '<m1@example.com>',
  subject: 'Hi',
  ...overrides,
});
const raw = (...headers: string[]) => Buffer.from(['From: ann@example.com', 'Subject: Hi', 'Message-ID: <m1@example.com>', ...headers, '', 'Body', ''].join('\r\n'));

describe('sandboxReadReceipts', () => {
  it('answers for each delivered recipient with a receipt our tracker reads', () => {
    const receipts = sandboxReadReceipts(message(), raw('Disposition-Notification-To: <ann@example.com>'));
    expect(receipts).toHaveLength(1);
    const report = parseReport(receipts[0]!);
    expect(report.kind === 'disposition' && report.disposition).toMatchObject({ finalRecipient: 'bob@example.test', originalMessageId: 'm1@example.com', disposition: 'displayed', problems: [] });
  });

  it('answers nothing without a request, for mail without our envelope id, or for a report', () => {
    expect(sandboxReadReceipts(message(), raw())).toEqual([]);
    expect(sandboxReadReceipts(message({ mailParams: {} }), raw('Disposition-Notification-To: <ann@example.com>'))).toEqual([]);
    expect(sandboxReadReceipts(message(), raw('Disposition-Notification-To: <ann@example.com>', 'Auto-Submitted: auto-replied'))).toEqual([]);
  });
});
