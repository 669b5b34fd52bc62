import { describe, expect, it } from 'vitest';
import type { SentCopy } from '../../../shared/model';
import { sentCopyText } from './sent-copy-text';

const copy = (over: Partial<SentCopy>): SentCopy => ({ state: 'pending', folder: null, attempts: 0, notBefore: 0, at: null, reason: null, ...over });

describe('the Sent copy line of a sent message', () => {
  it('names the folder when filed', () => {
    expect(sentCopyText(copy({ state: 'filed', folder: 'Sent Items', at: Date.UTC(2026, 0, 2, 3, 4) }))).toMatch(/^filed in “Sent Items” at .+/);
  });
  it('says it waits, and why after a failed try', () => {
    expect(sentCopyText(copy({}))).toBe('waiting');
    expect(sentCopyText(copy({ state: 'appending', attempts: 1, reason: { key: 'reason.imapUnreachable', values: { detail: 'connect ECONNREFUSED' } } }))).toBe(
      'waiting (last try: Could not reach the mail server: connect ECONNREFUSED.)',
    );
  });
  it('gives the reason of a failure, and says when the server files sent mail itself', () => {
    expect(sentCopyText(copy({ state: 'failed', reason: { key: 'reason.sentCopyTooBig', values: { size: 900, limit: 100 } } }))).toBe(
      'failed: the message (900 bytes) is larger than the server accepts in a folder (100 bytes)',
    );
    expect(sentCopyText(copy({ state: 'skipped', reason: { key: 'reason.sentCopyServerFiles' } }))).toBe('skipped: your server files sent mail itself');
    expect(sentCopyText(copy({ state: 'skipped', reason: { key: 'reason.sentCopyServerSetting' } }))).toBe('skipped: your server files sent mail itself');
  });
});
