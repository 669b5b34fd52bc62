import { describe, expect, it } from 'vitest';
import { newestUids, serverSearchQuery } from './server-search';

describe('serverSearchQuery', () => {
  it('looks for one word in the subject, senders, recipients and text', () => {
    expect(serverSearchQuery('  invoice ')).toEqual({ or: [{ subject: 'invoice' }, { from: 'invoice' }, { to: 'invoice' }, { cc: 'invoice' }, { body: 'invoice' }] });
  });

  it('wants every word (each anywhere), written as NOT (NOT a OR NOT b)', () => {
    const any = (w: string) => ({ or: [{ subject: w }, { from: w }, { to: w }, { cc: w }, { body: w }] });
    expect(serverSearchQuery('march invoice')).toEqual({ not: { or: [{ not: any('march') }, { not: any('invoice') }] } });
  });

  it('asks nothing for blank input and drops quotes and backslashes', () => {
    expect(serverSearchQuery('   ')).toBeNull();
    expect(serverSearchQuery('"\\"')).toBeNull();
    expect(serverSearchQuery('a"b')).toEqual(serverSearchQuery('ab'));
  });
});

describe('newestUids', () => {
  it('keeps the newest UIDs, once each, up to the cap', () => {
    expect(newestUids([3, 10, 7, 10, 1], 3)).toEqual([10, 7, 3]);
    expect(newestUids(Array.from({ length: 800 }, (_, i) => i + 1))).toHaveLength(500);
  });
});
