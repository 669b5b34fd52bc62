import { describe, expect, it } from 'vitest';
import { OUTBOX_STATES } from '../../../shared/model';
import { makeItem } from '../../store/test-fixtures';
import { cancelAvailability, canRetry, editPlan, rowActions } from './row-logic';

describe('canRetry', () => {
  it('offers Retry now only for deferred and failed rows', () => {
    expect(OUTBOX_STATES.filter((state) => canRetry({ state }))).toEqual(['deferred', 'failed']);
  });
});

describe('cancelAvailability', () => {
  it('enables Cancel while the core can still stop the send', () => {
    for (const state of ['queued', 'deferred'] as const) expect(cancelAvailability(makeItem({ state }))).toEqual({ enabled: true });
    expect(cancelAvailability(makeItem({ state: 'sending', handedOffAt: null }))).toEqual({ enabled: true });
  });
  it('says why not otherwise', () => {
    expect(cancelAvailability(makeItem({ state: 'sending', handedOffAt: 5 }))).toEqual({
      enabled: false,
      reason: 'Too late to cancel: the message has been handed to the server.',
    });
    expect(cancelAvailability(makeItem({ state: 'failed' }))).toEqual({ enabled: false, reason: 'The message has failed; nothing is waiting to be sent.' });
    expect(cancelAvailability(makeItem({ state: 'sent' }))).toMatchObject({ enabled: false, reason: 'The message has been sent.' });
  });
});

describe('editPlan', () => {
  it('takes a waiting message out of the queue first', () => {
    expect(editPlan(makeItem({ state: 'queued' }))).toEqual({ kind: 'abort' });
    expect(editPlan(makeItem({ state: 'sending', handedOffAt: null }))).toEqual({ kind: 'abort' });
  });
  it('opens drafts and failures directly', () => {
    for (const state of ['cancelled', 'failed'] as const) expect(editPlan(makeItem({ state })), state).toEqual({ kind: 'open' });
  });
  it('refuses, with the reason, once the server has the message', () => {
    expect(editPlan(makeItem({ state: 'sending', handedOffAt: 5 }))).toMatchObject({ kind: 'blocked', reason: expect.stringContaining('Too late') });
    expect(editPlan(makeItem({ state: 'sent' }))).toMatchObject({ kind: 'blocked' });
  });
});

describe('rowActions', () => {
  it('offers everything on a deferred row', () => {
    expect(rowActions(makeItem({ state: 'deferred' }))).toEqual({ cancel: { enabled: true }, retry: true, edit: { kind: 'abort' } });
  });
  it('offers Retry now and Edit, not Cancel, on a failed row', () => {
    const actions = rowActions(makeItem({ state: 'failed' }));
    expect(actions.cancel.enabled).toBe(false);
    expect(actions.retry).toBe(true);
    expect(actions.edit).toEqual({ kind: 'open' });
  });
});
