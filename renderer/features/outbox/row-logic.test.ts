import { describe, expect, it } from 'vitest';
import { OUTBOX_STATES } from '../../../shared/model';
import { makeItem } from '../../store/test-fixtures';
import { canRetry, rowActions } from './row-logic';

describe('canRetry', () => {
  it('offers Retry now only for deferred and failed rows', () => {
    expect(OUTBOX_STATES.filter((state) => canRetry({ state }))).toEqual(['deferred', 'failed']);
  });
});

describe('rowActions', () => {
  it('offers both on a deferred row (it can still be cancelled)', () => {
    expect(rowActions(makeItem({ state: 'deferred' }))).toEqual({ cancel: true, retry: true });
  });
  it('offers only Retry now on a failed row', () => {
    expect(rowActions(makeItem({ state: 'failed' }))).toEqual({ cancel: false, retry: true });
  });
  it('offers only Cancel on a queued row', () => {
    expect(rowActions(makeItem({ state: 'queued' }))).toEqual({ cancel: true, retry: false });
  });
  it('offers Cancel while sending only until the message is handed off', () => {
    expect(rowActions(makeItem({ state: 'sending', handedOffAt: null }))).toEqual({ cancel: true, retry: false });
    expect(rowActions(makeItem({ state: 'sending', handedOffAt: 5 }))).toEqual({ cancel: false, retry: false });
  });
  it('offers nothing on finished rows', () => {
    for (const state of ['sent', 'cancelled', 'draft'] as const) expect(rowActions(makeItem({ state })), state).toEqual({ cancel: false, retry: false });
  });
});
