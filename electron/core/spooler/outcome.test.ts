/** The outcome-to-state rules, without a server or a store. */
import { describe, expect, it } from 'vitest';
import type { SmtpReply } from '../../../shared/model';
import { makeItem } from '../../../testing/harness/fixtures';
import type { SendOutcome } from '../smtp/transport';
import { corruptPatch, failedPatch, requeuePatch, sentPatch, unreachedPatch } from './outcome';

const ok: SmtpReply = { code: 250, enhanced: '2.0.0', text: 'queued as 1' };
const caps = { dsn: true, size: null, smtputf8: false, pipelining: true, eightBitMime: true, starttls: false, auth: [] };
const ctx = { now: 1_000_000, expired: false, retryDelay: (attempts: number) => attempts * 1000 };
const two = makeItem({
  attempts: 2,
  recipients: [
    { address: 'bob@example.com', field: 'to', state: 'pending' },
    { address: 'eve@example.com', field: 'cc', state: 'pending' },
  ],
});
const sent = (results: { address: string; accepted: boolean; reply?: SmtpReply }[]): Extract<SendOutcome, { kind: 'sent' }> => ({ kind: 'sent', reply: ok, recipients: results, warnings: [], capabilities: caps });
const failed = (code: 'SERVER_REJECTED' | 'NOT_CONNECTED', retryable: boolean, reply?: SmtpReply): Extract<SendOutcome, { kind: 'failed' }> => ({
  kind: 'failed',
  failure: { code, message: 'm', retryable, ...(reply ? { reply } : {}) },
  recipients: [],
  capabilities: null,
  reachedServer: true,
});

describe('sentPatch', () => {
  it('is sent when every recipient was accepted', () => {
    const patch = sentPatch(two, sent([{ address: 'bob@example.com', accepted: true }, { address: 'eve@example.com', accepted: true }]), ctx);
    expect(patch).toMatchObject({ state: 'sent', sentAt: ctx.now, lastReply: ok, error: null });
  });
  it('waits, with backoff, for a recipient the server deferred (4yz), and refuses one it refused (5yz)', () => {
    const patch = sentPatch(two, sent([{ address: 'bob@example.com', accepted: false, reply: { code: 451, text: 'later' } }, { address: 'eve@example.com', accepted: false, reply: { code: 550, text: 'no' } }]), ctx);
    expect(patch.state).toBe('deferred');
    expect(patch.notBefore).toBe(ctx.now + 2000);
    expect(patch.recipients?.map((r) => r.state)).toEqual(['pending', 'rejected']);
    expect(patch.error?.reason?.key).toBe('reason.partlyDeferred');
  });
  it('refuses a deferred recipient for good once the message is past its give-up age', () => {
    const patch = sentPatch(two, sent([{ address: 'bob@example.com', accepted: true }, { address: 'eve@example.com', accepted: false, reply: { code: 451, text: 'later' } }]), { ...ctx, expired: true });
    expect(patch.state).toBe('sent');
    expect(patch.recipients?.map((r) => r.state)).toEqual(['accepted', 'rejected']);
  });
});

describe('failedPatch', () => {
  it('defers a transient failure and fails a permanent one, refusing the recipients still pending', () => {
    expect(failedPatch(two, failed('NOT_CONNECTED', true), ctx)).toMatchObject({ state: 'deferred', notBefore: ctx.now + 2000 });
    const gone = failedPatch(two, failed('SERVER_REJECTED', false, { code: 554, text: 'no' }), ctx);
    expect(gone.state).toBe('failed');
    expect(gone.recipients?.map((r) => r.state)).toEqual(['rejected', 'rejected']);
  });
  it('flags a possible duplicate only when the item was handed off and no reply came', () => {
    expect(failedPatch({ ...two, handedOffAt: 5 }, failed('NOT_CONNECTED', true), ctx).warnings).toEqual(['POSSIBLE_DUPLICATE']);
    expect(failedPatch({ ...two, handedOffAt: 5 }, failed('SERVER_REJECTED', true, { code: 451, text: 'x' }), ctx).warnings).toEqual([]);
  });
});

describe('attempts given back', () => {
  it('an unreached server, a message to rebuild and a requeue do not use an attempt', () => {
    expect(unreachedPatch(two, failed('NOT_CONNECTED', true), { host: 'h', port: 25 }, ctx.now)).toMatchObject({ state: 'deferred', attempts: 1, notBefore: ctx.now });
    expect(corruptPatch(two, 'broken', ctx.now)).toMatchObject({ state: 'queued', attempts: 1 });
    expect(requeuePatch({ ...two, notBefore: ctx.now + 5 }, ctx.now)).toEqual({ state: 'queued', attempts: 1, notBefore: ctx.now, handedOffAt: null });
  });
  it('a message that cannot be rebuilt twice fails', () => {
    expect(corruptPatch({ ...two, error: { code: 'CORRUPT_DATA', message: 'x' } }, 'broken', ctx.now).state).toBe('failed');
  });
});
