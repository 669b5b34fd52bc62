import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  buildMailApi,
  COMMAND_NAMES,
  commands,
  EVENT_NAMES,
  events,
  isCommandName,
  isEventName,
  type CommandName,
  type EventName,
  type RequestOf,
  type ResponseOf,
  type Transport,
} from './contract';
import { err, isErrorCode, ok, type Result } from './errors';
import type { DraftInput, OutboxItem } from './model';

/** An in-memory transport that records what the API sends and lets the test push events. */
function fakeTransport() {
  const invocations: { name: CommandName; request: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const replies = new Map<CommandName, Result<unknown>>();
  const transport: Transport = {
    async invoke(name, request) {
      invocations.push({ name, request });
      return replies.get(name) ?? ok(`reply to ${name}`);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const emit = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { transport, invocations, listeners, replies, emit };
}

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
];

describe('contract tables', () => {
  it('COMMAND_NAMES and EVENT_NAMES list exactly the table keys', () => {
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(commands).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
  });

  it('has the commands the renderer relies on', () => {
    expect(COMMAND_NAMES).toEqual(
      expect.arrayContaining(['outbox.submit', 'outbox.abort', 'outbox.window', 'outbox.get', 'transcript.get', 'app.status']),
    );
    expect(EVENT_NAMES).toEqual(expect.arrayContaining(['outbox:changed', 'smtp:response', 'app:status']));
  });

  it('gives every command a runtime request schema', () => {
    for (const name of COMMAND_NAMES) {
      expect(commands[name].request, name).toBeInstanceOf(z.ZodType);
    }
  });

  it('gives every event a runtime payload schema', () => {
    for (const name of EVENT_NAMES) expect(events[name], name).toBeInstanceOf(z.ZodType);
  });

  it('names commands "group.method" with exactly one dot, which buildMailApi relies on', () => {
    for (const name of COMMAND_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('never uses "on" as a command group, which would collide with the event method', () => {
    expect(COMMAND_NAMES.some((n) => n.startsWith('on.'))).toBe(false);
  });

  it('keeps command and event channel names apart', () => {
    const commandSet = new Set<string>(COMMAND_NAMES);
    for (const name of EVENT_NAMES) expect(commandSet.has(name)).toBe(false);
  });

  it('refuses anything but {} for commands without arguments', () => {
    for (const name of ['sandbox.list', 'accounts.list', 'app.status'] as const) {
      const schema = commands[name].request;
      expect(schema.safeParse({}).success, name).toBe(true);
      expect(schema.safeParse({ extra: 1 }).success, name).toBe(false);
      expect(schema.safeParse(null).success, name).toBe(false);
    }
  });

  it('validates ids for commands that take one', () => {
    for (const name of ['outbox.abort', 'outbox.get', 'transcript.get'] as const) {
      const schema = commands[name].request;
      expect(schema.safeParse({ id: 'item00000001' }).success, name).toBe(true);
      expect(schema.safeParse({ id: '../../x/y/z' }).success, name).toBe(false);
      expect(schema.safeParse({}).success, name).toBe(false);
      expect(schema.safeParse({ id: 'item00000001', more: true }).success, name).toBe(false);
    }
  });

  it('validates a submit request with the draft schema', () => {
    const schema = commands['outbox.submit'].request;
    expect(schema.safeParse({ to: 'a@x.test', subject: 's', text: 't' }).success).toBe(true);
    expect(schema.safeParse({ to: 'a@x.test', subject: 's\r\nBcc: e@y.test', text: 't' }).success).toBe(false);
  });
});

describe('isCommandName / isEventName', () => {
  it('accepts every name in the tables', () => {
    for (const name of COMMAND_NAMES) expect(isCommandName(name)).toBe(true);
    for (const name of EVENT_NAMES) expect(isEventName(name)).toBe(true);
  });

  it.each(PROTOTYPE_KEYS)('rejects the inherited key %s', (key) => {
    expect(isCommandName(key)).toBe(false);
    expect(isEventName(key)).toBe(false);
  });

  it('rejects near misses and non-strings', () => {
    for (const value of ['outbox', 'outbox.', 'Outbox.Submit', 'outbox.submit ', 'outbox:changed', '', 42, null, undefined, {}]) {
      expect(isCommandName(value)).toBe(false);
    }
    for (const value of ['outbox.changed', 'outbox:Changed', '', Symbol('x'), ['app:status']]) {
      expect(isEventName(value)).toBe(false);
    }
  });
});

describe('buildMailApi', () => {
  it('routes api.outbox.submit(req) to transport.invoke("outbox.submit", req) and returns its result', async () => {
    const fake = fakeTransport();
    const reply = ok({ id: 'item00000001' });
    fake.replies.set('outbox.submit', reply);
    const api = buildMailApi(fake.transport);
    const request: DraftInput = { to: 'a@x.test', subject: 's', text: 't' };

    const result = await api.outbox.submit(request);

    expect(fake.invocations).toEqual([{ name: 'outbox.submit', request }]);
    // The same objects go through: the API adds nothing and drops nothing.
    expect(fake.invocations[0]?.request).toBe(request);
    expect(result).toBe(reply);
  });

  it('passes an error result through unchanged', async () => {
    const fake = fakeTransport();
    fake.replies.set('outbox.abort', err('TOO_LATE', 'handed off'));
    const api = buildMailApi(fake.transport);
    expect(await api.outbox.abort({ id: 'item00000001' })).toEqual({
      ok: false,
      error: { code: 'TOO_LATE', message: 'handed off' },
    });
  });

  it('exposes one method per command, grouped by prefix, each calling its own channel', async () => {
    const fake = fakeTransport();
    const api = buildMailApi(fake.transport) as unknown as Record<string, Record<string, (r: unknown) => Promise<unknown>>>;
    const groups = [...new Set(COMMAND_NAMES.map((n) => n.split('.')[0] as string))];

    expect(Object.keys(api).sort()).toEqual([...groups, 'on'].sort());
    for (const group of groups) {
      const methods = COMMAND_NAMES.filter((n) => n.startsWith(`${group}.`)).map((n) => n.split('.')[1]);
      expect(Object.keys(api[group] ?? {}).sort(), group).toEqual(methods.sort());
    }

    for (const name of COMMAND_NAMES) {
      const [group, method] = name.split('.') as [string, string];
      const marker = { for: name };
      await expect(api[group]?.[method]?.(marker)).resolves.toEqual(ok(`reply to ${name}`));
      expect(fake.invocations.at(-1)).toEqual({ name, request: marker });
    }
    expect(fake.invocations).toHaveLength(COMMAND_NAMES.length);
  });

  it('does not expose inherited names as groups or methods', () => {
    const api = buildMailApi(fakeTransport().transport) as unknown as Record<string, unknown>;
    for (const key of PROTOTYPE_KEYS) expect(Object.prototype.hasOwnProperty.call(api, key)).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(api['outbox'], 'constructor')).toBe(false);
  });

  it('subscribes through the transport, delivers payloads and unsubscribes', () => {
    const fake = fakeTransport();
    const api = buildMailApi(fake.transport);
    const seen: unknown[] = [];

    const off = api.on('app:status', (payload) => seen.push(payload));
    fake.emit('app:status', { phase: 'ready' });
    fake.emit('outbox:changed', { id: 'other' });
    off();
    fake.emit('app:status', { phase: 'late' });

    expect(seen).toEqual([{ phase: 'ready' }]);
    expect(fake.listeners.get('app:status')?.size).toBe(0);
  });

  it.each(['bogus:event', '__proto__', 'constructor', 'toString', 'outbox.submit'])(
    'on() throws for the unknown event %s without subscribing',
    (name) => {
      const fake = fakeTransport();
      const api = buildMailApi(fake.transport);
      expect(() => api.on(name as EventName, () => {})).toThrow(/unknown event/);
      expect(fake.listeners.size).toBe(0);
    },
  );

  it('is typed from the contract table', () => {
    const api = buildMailApi(fakeTransport().transport);
    expectTypeOf(api.outbox.submit).parameter(0).toEqualTypeOf<RequestOf<'outbox.submit'>>();
    expectTypeOf(api.outbox.submit).returns.resolves.toEqualTypeOf<Result<OutboxItem>>();
    // @ts-expect-error: not a command in the contract
    expect(api.outbox.purge).toBeUndefined();
    // @ts-expect-error: not an event in the contract
    expect(() => api.on('outbox:deleted', () => {})).toThrow();
  });
});

describe('errors crossing the boundary', () => {
  it('err() leaves out detail when there is none, so results stay minimal and JSON-safe', () => {
    expect(err('BUSY', 'try later')).toEqual({ ok: false, error: { code: 'BUSY', message: 'try later' } });
    expect('detail' in (err('BUSY', 'x') as { error: object }).error).toBe(false);
    expect(err('INVALID_ADDRESS_LIST', 'bad', { invalid: ['bob@'] })).toEqual({
      ok: false,
      error: { code: 'INVALID_ADDRESS_LIST', message: 'bad', detail: { invalid: ['bob@'] } },
    });
  });

  it('isErrorCode accepts known codes only', () => {
    expect(isErrorCode('TOO_LATE')).toBe(true);
    for (const value of ['too_late', 'toString', 'constructor', '', 1, null]) expect(isErrorCode(value)).toBe(false);
  });
});
