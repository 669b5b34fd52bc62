import { describe, expect, it } from 'vitest';
import { DEFAULT_DSN } from '../../../shared/model';
import { deliveryChanges, deliverySummary } from './delivery-summary';

const defaults = { delay: '5', defaultDelay: 5, sendAt: '', dsn: null, accountDsn: undefined, readReceipt: false };

describe('deliverySummary', () => {
  it('says what happens by default when nothing differs', () => {
    expect(deliveryChanges(defaults)).toEqual([]);
    expect(deliverySummary(defaults)).toBe('Send now after the undo delay');
    // Receipts chosen the same as the account's are no change either.
    expect(deliveryChanges({ ...defaults, dsn: DEFAULT_DSN })).toEqual([]);
  });

  it('names each choice that differs, Send later first', () => {
    const parts = deliveryChanges({
      ...defaults,
      delay: '30',
      sendAt: '2030-01-07T09:00',
      dsn: { notify: { success: false, failure: true, delay: false }, ret: 'full' },
      readReceipt: true,
    });
    expect(parts).toHaveLength(4);
    expect(parts[0]).toMatch(/^Send later: .*09:00/);
    expect(parts[1]).toBe('Undo delay: 30\u00a0s');
    expect(parts[2]).toContain('notify on failure');
    expect(parts[3]).toBe('read receipt requested');
  });
});
